package uk.csc.workflow.platform.web;

import java.util.List;

import uk.csc.workflow.platform.cluster.DatabaseFailures;
import uk.csc.workflow.platform.cluster.EngineFailures;

/**
 * The two failures a client should simply try again: a change that lost a race with another
 * transaction at the same moment (409: Camunda's optimistic locking, two screening contributions
 * joining, a reminder raising a task's priority while it is completed) and a database out of reach
 * for a moment (503 with {@code Retry-After}: a PostgreSQL restart or failover). Either way the
 * transaction was rolled back.
 */
final class RetryableFailures {

    /** Seconds a client waits before trying again after a 503: a PostgreSQL restart takes a few. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String CONFLICT_MESSAGE = "Someone else changed the same record at the same moment, so nothing was saved; "
            + "reload and try again";
    static final String UNAVAILABLE_MESSAGE = "The database could not be reached for a moment, so the request was not "
            + "completed; try again in a few seconds";
    static final List<FieldProblem> CONFLICT = List.of(new FieldProblem("request",
            "conflicted with another change made at the same moment; try again"));
    static final List<FieldProblem> UNAVAILABLE = List.of(new FieldProblem("request",
            "could not reach the database; try again after " + RETRY_AFTER_SECONDS + " seconds"));

    enum Kind { CONFLICT, UNAVAILABLE }

    private RetryableFailures() {
    }

    /** From the exception itself, or (for the engine REST API, which wraps it) from what the engine command met. */
    static Kind of(Throwable failure) {
        if (failure != null && DatabaseFailures.isUnavailable(failure)) {
            return Kind.UNAVAILABLE;
        }
        if (failure != null && DatabaseFailures.isConflict(failure)) {
            return Kind.CONFLICT;
        }
        return null;
    }

    static Kind ofEngine(EngineFailures.Kind kind) {
        return kind == null ? null : kind == EngineFailures.Kind.CONFLICT ? Kind.CONFLICT : Kind.UNAVAILABLE;
    }
}
