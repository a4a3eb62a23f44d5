package uk.csc.workflow.platform.process;

/**
 * The variables every case process carries, written by the system when the instance starts and
 * never taken from a form: which case it is, and who works it.
 */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REF = "caseRef";
    public static final String TEAM = "team";
    /** The team's managers (candidate users of managers' tasks). */
    public static final String TEAM_MANAGERS = "teamManagers";
    /** The allocated social worker (assignee of the worker's tasks). */
    public static final String WORKER = "worker";

    private CaseVariables() {
    }

    /** A numeric id variable, as the engine keeps it (Long or Integer). */
    public static long id(org.camunda.bpm.engine.delegate.VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }
}
