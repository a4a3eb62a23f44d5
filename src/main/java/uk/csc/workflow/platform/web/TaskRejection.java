package uk.csc.workflow.platform.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused by our task listeners. The engine wraps every listener exception
 * ("Exception while invoking TaskListener: ...", HTTP 500 from its REST API), so the refusal
 * carries a marker that {@link EngineRestRejectionFilter} turns back into 400 or 403.
 */
public final class TaskRejection {

    static final String INVALID = "Please correct the form: ";
    static final String FORBIDDEN = "Not allowed: ";

    private TaskRejection() {
    }

    public static BadUserRequestException invalid(BadRequestException problems) {
        return new BadUserRequestException(INVALID + problems.getMessage());
    }

    public static AuthorizationException forbidden(String reason) {
        return new AuthorizationException(FORBIDDEN + reason);
    }
}
