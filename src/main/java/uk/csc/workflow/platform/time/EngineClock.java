package uk.csc.workflow.platform.time;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's clock, which is global to the JVM (ClockUtil is an impl class, hence kept
 * here). In production it is the real time. Tests and benchmarks {@link #pin pin} it to an
 * instant; the history replay moves it only through {@link HistoryReplay}, which holds every
 * live request back meanwhile and then puts the clock back to the live time (real or pinned).
 */
public final class EngineClock {

    /** The pinned live time, or null for the real time. */
    private static volatile Instant pinned;

    private EngineClock() {
    }

    /** Tests and benchmarks: the engine, and so the time source, read {@code instant} until pinned again. */
    public static void pin(Instant instant) {
        pinned = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Back to the real time. */
    public static void unpin() {
        pinned = null;
        ClockUtil.reset();
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Only for {@link HistoryReplay}, inside its window. */
    static void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Only for {@link HistoryReplay}: the live time again, as it was before the window. */
    static void backToLiveTime() {
        Instant live = pinned;
        if (live == null) {
            ClockUtil.reset();
        } else {
            ClockUtil.setCurrentTime(Date.from(live));
        }
    }
}
