package uk.csc.workflow.platform.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * A task completion refused by our task listeners. The engine wraps every listener exception
 * ("Exception while invoking TaskListener: ...", HTTP 500 from its REST API), so the refusal
 * carries a marker that {@link EngineRestRejectionFilter} turns back into 400 or 403. The fields
 * and reasons themselves are kept for the request that is being answered (the listener runs on
 * its thread), so {@link EngineRestErrors} can list them as {@code problems}.
 *
 * <p>A refusal is the user's to correct, not a fault: it is logged once at INFO with the field
 * names only (by {@link RefusedRequests}, for the request that made it), and the engine's own
 * ERROR and WARN lines about it, which quote the refused values, are dropped
 * ({@link EngineRejectionLogFilter}).
 */
public final class TaskRejection {

    static final String INVALID = "Please correct the form: ";
    static final String FORBIDDEN = "Not allowed: ";

    private static final ThreadLocal<List<FieldProblem>> REFUSED = new ThreadLocal<>();

    private TaskRejection() {
    }

    public static BadUserRequestException invalid(BadRequestException problems) {
        REFUSED.set(problems.problems());
        RefusedRequests.noteForCurrentRequest("form refused" + step() + ", " + problems.fieldNames());
        return new Invalid(INVALID + problems.getMessage());
    }

    public static AuthorizationException forbidden(String reason) {
        RefusedRequests.noteForCurrentRequest("form refused" + step() + ", not for the user's role");
        return new Forbidden(FORBIDDEN + reason);
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

    /** Whether {@code failure} is, or was caused by, one of our refusals. */
    public static boolean isRejection(Throwable failure) {
        return find(failure) != null;
    }

    /** The refusal in {@code failure}'s causes, or null. */
    static RuntimeException find(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof Invalid || t instanceof Forbidden) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    /** The process and element the refusal happened at, e.g. " at referralToAssessment/UserTask_RecordReferralDecision". */
    private static String step() {
        try {
            var context = Context.getBpmnExecutionContext();
            if (context == null || context.getExecution() == null) {
                return "";
            }
            var execution = context.getExecution();
            String process = execution.getProcessDefinition() == null ? "?" : execution.getProcessDefinition().getKey();
            return " at " + process + "/" + execution.getActivityId();
        } catch (RuntimeException outsideTheEngine) {
            return "";
        }
    }

    static final class Invalid extends BadUserRequestException {
        Invalid(String message) {
            super(message);
        }
    }

    static final class Forbidden extends AuthorizationException {
        Forbidden(String message) {
            super(message);
        }
    }
}
