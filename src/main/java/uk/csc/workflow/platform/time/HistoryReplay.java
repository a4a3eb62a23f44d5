package uk.csc.workflow.platform.time;

import java.time.Instant;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Replays history at past instants without letting anyone else see a past "now". The engine's
 * clock is global, so a replay step moves it only inside a window that no live work runs in:
 * every web request (see {@link LiveRequestGate}) and every scheduled task waits at the gate
 * while a step runs, and each step puts the clock back before the gate opens. A step is short
 * (one replayed day), so a request waits a fraction of a second at most. The replayer runs the
 * jobs of its own history itself; the job executor acquires nothing meanwhile (see
 * {@link ReplayAwareJobAcquisition}), so it never fires live timers at a replayed time or replayed
 * timers at the live time.
 */
@Component
public class HistoryReplay {

    /** Fair, so that neither a busy web server nor a long replay starves the other. */
    private final ReadWriteLock gate = new ReentrantReadWriteLock(true);
    private volatile boolean running;

    /** Runs one replay step with the engine's clock at {@code instant}; live work waits meanwhile. */
    public <T> T at(Instant instant, Supplier<T> step) {
        gate.writeLock().lock();
        try {
            EngineClock.moveTo(instant);
            return step.get();
        } finally {
            EngineClock.backToLiveTime();
            gate.writeLock().unlock();
        }
    }

    public void at(Instant instant, Runnable step) {
        at(instant, () -> {
            step.run();
            return null;
        });
    }

    /** Runs live work (a request, a scheduled task) at the live time, between replay steps. */
    public <T> T live(Supplier<T> work) {
        gate.readLock().lock();
        try {
            return work.get();
        } finally {
            gate.readLock().unlock();
        }
    }

    public void started() {
        running = true;
    }

    public void finished() {
        running = false;
    }

    /** Whether a replay is under way (its steps interleave with live work). */
    public boolean running() {
        return running;
    }
}
