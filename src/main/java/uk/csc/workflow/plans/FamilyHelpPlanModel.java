package uk.csc.workflow.plans;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/familyHelpPlan.bpmn} (one Family Help plan under the
 * Families First profile: the lead practitioner agrees the plan and visits the child; reviews at the council's frequency;
 * step up to a strategy discussion, step down to universal services, or closure) and the Java.
 * {@code ProcessContractTest} proves each name exists in the model.
 */
@ProcessContract(model = "familyHelpPlan.bpmn")
public final class FamilyHelpPlanModel {

    public static final String PROCESS_ID = "familyHelpPlan";

    /** User tasks. */
    public static final class Tasks {

        /** Agree the Family Help plan with the child and family (the lead practitioner). */
        public static final String AGREE_PLAN = "UserTask_AgreeFamilyHelpPlan";
        /** Visit the child and record the visit (the lead practitioner). */
        public static final String RECORD_VISIT = "UserTask_RecordFamilyHelpVisit";
        /** Review the Family Help plan and record the decision. */
        public static final String HOLD_REVIEW = "UserTask_HoldFamilyHelpReview";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        public static final String VISIT_REMINDER = "BoundaryEvent_FamilyHelpVisitReminder";
        public static final String VISIT_DUE = "BoundaryEvent_FamilyHelpVisitDue";
        public static final String VISIT_SERVICE_MANAGER = "BoundaryEvent_FamilyHelpVisitServiceManager";
        public static final String REVIEW_REMINDER = "BoundaryEvent_FamilyHelpReviewReminder";
        public static final String REVIEW_DUE = "BoundaryEvent_FamilyHelpReviewDue";
        public static final String REVIEW_SERVICE_MANAGER = "BoundaryEvent_FamilyHelpReviewServiceManager";
        /** Stepped up: strategy discussion. */
        public static final String END_STEPPED_UP = "EndEvent_FamilyHelpSteppedUp";
        /** Stepped up between reviews (concerns of significant harm): strategy discussion. */
        public static final String END_STEPPED_UP_BETWEEN_REVIEWS = "EndEvent_FamilyHelpSteppedUpBetweenReviews";
        /** Stepped down to universal services. */
        public static final String END_STEPPED_DOWN = "EndEvent_FamilyHelpSteppedDown";
        /** Plan closed: needs met. */
        public static final String END_CLOSED = "EndEvent_FamilyHelpClosed";

        private Elements() {
        }
    }

    /** Messages the code correlates. */
    public static final class Messages {

        /** Concerns of significant harm between reviews: the plan steps up at once. */
        public static final String STEP_UP = "Message_FamilyHelpStepUp";

        private Messages() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PLAN_ID = "planId";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_ID = "reviewId";
        public static final String REVIEW_NUMBER = "reviewNumber";
        public static final String VISIT_ID = "visitId";
        public static final String VISIT_NUMBER = "visitNumber";
        /** The step-up's reason: a transient variable of the message (never stored by the engine), recorded in the plan tables. */
        public static final String STEP_UP_REASON = "stepUpReason";
        public static final String STEP_UP_BY = "stepUpBy";

        private Variables() {
        }
    }

    /** The clocks of the plan, by name: {@code reviewDueAt}, {@code reviewRemindAt} and so on (see ClockVariables). */
    public static final class Clocks {

        public static final String REVIEW = "review";
        public static final String VISIT = "visit";

        private Clocks() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("planAgreedOn", "planParticipants", "planNeeds", "visitedOn", "seenAlone",
            "visitNotes", "lateReason", "reviewHeldOn", "reviewSummary");

    /** What the start form submits (there is none: a plan starts from a route's end). */
    public static final List<String> START_DATA = List.of();

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("planId", "visitId", "reviewId");

    /** What the step-up message carries to the model's service task: read by the Java, not the model. */
    public static final List<String> CARRIED = List.of("stepUpReason", "stepUpBy");

    private FamilyHelpPlanModel() {
    }
}
