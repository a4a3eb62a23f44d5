package uk.csc.workflow.escalation;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/statutoryEscalation.bpmn} (one escalation: the manager acknowledges it and records its resolution) and the Java: every
 * element id, message and variable the code names, declared once. {@code ProcessContractTest}
 * proves each exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "statutoryEscalation.bpmn")
public final class StatutoryEscalationModel {

    public static final String PROCESS_ID = "statutoryEscalation";

    /** User tasks. */
    public static final class Tasks {

        /** Acknowledge escalation. */
        public static final String ACKNOWLEDGE_ESCALATION = "UserTask_AcknowledgeEscalation";
        /** Record how the breach was resolved. */
        public static final String RESOLVE_ESCALATION = "UserTask_ResolveEscalation";

        private Tasks() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String ESCALATION_ID = "escalationId";
        public static final String CANDIDATE_GROUPS = "candidateGroups";
        public static final String CANDIDATE_USERS = "candidateUsers";
        public static final String RULE = "rule";
        public static final String LEVEL = "level";
        public static final String DUE_ON = "dueOn";

        private Variables() {
        }
    }

    /** The inputs of the {@code raiseEscalation} service tasks in every model that escalates a clock. */
    public static final class RaiseInputs {

        public static final String RULE = "rule";
        public static final String LEVEL = "level";
        public static final String OCCURRENCE = "occurrence";
        public static final String ALSO_NOTIFY = "alsoNotify";

        private RaiseInputs() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("acknowledgementNote", "resolution");

    /** What the start form submits: recorded by the first service task, then removed from the process. */
    public static final List<String> START_DATA = List.of();

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("escalationId");

    private StatutoryEscalationModel() {
    }
}
