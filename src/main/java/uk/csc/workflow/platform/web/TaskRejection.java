package uk.csc.workflow.platform.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused by our task listeners. The engine wraps every listener exception
 * ("Exception while invoking TaskListener: ...", HTTP 500 from its REST API), so the refusal
 * carries a marker that {@link EngineRestRejectionFilter} turns back into 400 or 403. The fields
 * and reasons themselves are kept for the request that is being answered (the listener runs on
 * its thread), so {@link EngineRestErrors} can list them as {@code problems}.
 */
public final class TaskRejection {

    static final String INVALID = "Please correct the form: ";
    static final String FORBIDDEN = "Not allowed: ";

    private static final ThreadLocal<List<FieldProblem>> REFUSED = new ThreadLocal<>();

    private TaskRejection() {
    }

    public static BadUserRequestException invalid(BadRequestException problems) {
        REFUSED.set(problems.problems());
        return new BadUserRequestException(INVALID + problems.getMessage());
    }

    public static AuthorizationException forbidden(String reason) {
        return new AuthorizationException(FORBIDDEN + reason);
    }

    /** The problems of the last refusal on this thread (empty if none), forgetting them. */
    static List<FieldProblem> takeRefused() {
        List<FieldProblem> problems = REFUSED.get();
        REFUSED.remove();
        return problems == null ? List.of() : problems;
    }

    static void forget() {
        REFUSED.remove();
    }
}
