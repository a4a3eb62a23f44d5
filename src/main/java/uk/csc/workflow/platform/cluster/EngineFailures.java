package uk.csc.workflow.platform.cluster;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What the last engine command on this thread failed on, when it was a transient database failure.
 * Camunda's REST API wraps an engine failure in its own exception (a task completion that lost a
 * race becomes "Cannot complete task ..."), so the web layer asks here what the real cause was.
 * The web filters clear it at the start and end of every request.
 */
public final class EngineFailures {

    public enum Kind { CONFLICT, UNAVAILABLE }

    private static final ThreadLocal<Kind> LAST = new ThreadLocal<>();

    private EngineFailures() {
    }

    /** The transient failure met by an engine command since the last {@link #clear()}, if any (and clears it). */
    public static Kind take() {
        Kind kind = LAST.get();
        LAST.remove();
        return kind;
    }

    public static void clear() {
        LAST.remove();
    }

    static void record(Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            LAST.set(Kind.UNAVAILABLE);
        } else if (DatabaseFailures.isConflict(failure)) {
            LAST.set(Kind.CONFLICT);
        }
    }

    /** Outermost interceptor of every engine command: notes the failure, changes nothing. */
    static final class Recorder extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException | Error e) {
                record(e);
                throw e;
            }
        }
    }
}
