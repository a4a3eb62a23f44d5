package uk.csc.workflow.review.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Variable names of lookedAfterReviews that the adapters read (the BPMN uses the same names). */
final class CareVariables {

    static final String PERIOD_ID = "periodId";

    /** What the forms submit: recorded in the case tables, not kept in the engine. */
    static final List<String> CASE_DATA = List.of("reviewPlannedFor", "invitationsSentOn", "invitees", "plannedLateReason",
            "reviewHeldOn", "participation", "childsViews", "decisions", "lateReason", "recordAgreed", "managerComments",
            "visitedOn", "seenAlone", "visitNotes");

    private CareVariables() {
    }

    static long periodId(VariableScope scope) {
        return id(scope, PERIOD_ID);
    }

    /** A numeric id variable, e.g. {@code reviewId}, found in the nearest scope that has it. */
    static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }
}
