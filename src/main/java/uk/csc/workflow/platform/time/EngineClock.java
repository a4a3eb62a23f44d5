package uk.csc.workflow.platform.time;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the engine's clock: only for replaying history (the demo city), never in normal
 * operation. ClockUtil is an impl class, hence kept here.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static void travelTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public static void backToNow() {
        ClockUtil.reset();
    }
}
