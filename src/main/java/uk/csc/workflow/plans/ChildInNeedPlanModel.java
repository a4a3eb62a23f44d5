package uk.csc.workflow.plans;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/childInNeedPlan.bpmn} (one child in need plan: agreeing the
 * plan, visits, reviews, stepping up, stepping down and closure) and the Java: every element id,
 * message and variable the code names, declared once. {@code ProcessContractTest} proves each
 * exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "childInNeedPlan.bpmn")
public final class ChildInNeedPlanModel {

    public static final String PROCESS_ID = "childInNeedPlan";

    /** User tasks. */
    public static final class Tasks {

        /** Agree the child in need plan with the child and family. */
        public static final String AGREE_PLAN = "UserTask_AgreeChildInNeedPlan";
        /** Visit the child and record the visit. */
        public static final String RECORD_VISIT = "UserTask_RecordChildInNeedVisit";
        /** Review the child in need plan and record the decision. */
        public static final String HOLD_REVIEW = "UserTask_HoldChildInNeedReview";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        public static final String VISIT_REMINDER = "BoundaryEvent_CinVisitReminder";
        public static final String VISIT_DUE = "BoundaryEvent_CinVisitDue";
        public static final String VISIT_SERVICE_MANAGER = "BoundaryEvent_CinVisitServiceManager";
        public static final String REVIEW_REMINDER = "BoundaryEvent_CinReviewReminder";
        public static final String REVIEW_DUE = "BoundaryEvent_CinReviewDue";
        public static final String REVIEW_SERVICE_MANAGER = "BoundaryEvent_CinReviewServiceManager";
        /** Stepped up: strategy discussion. */
        public static final String END_STEPPED_UP = "EndEvent_SteppedUpToStrategyDiscussion";
        /** Stepped up between reviews: strategy discussion. */
        public static final String END_STEPPED_UP_BETWEEN_REVIEWS = "EndEvent_SteppedUpBetweenReviews";
        /** Stepped down to early help. */
        public static final String END_STEPPED_DOWN_TO_EARLY_HELP = "EndEvent_SteppedDownToEarlyHelp";
        /** Stepped down to a Family Help plan (Families First only): its process starts. */
        public static final String END_STEPPED_DOWN_TO_FAMILY_HELP = "EndEvent_SteppedDownToFamilyHelp";
        /** Plan closed (CIN census closure reason). */
        public static final String END_PLAN_CLOSED = "EndEvent_PlanClosed";

        private Elements() {
        }
    }

    /** Messages the code correlates. */
    public static final class Messages {

        /** Concerns of significant harm between reviews: the plan steps up at once. */
        public static final String CONCERNS_OF_SIGNIFICANT_HARM = "Message_ConcernsOfSignificantHarm";

        private Messages() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PLAN_ID = "planId";
        public static final String CLOCK = "clock";
        public static final String ENDING = "ending";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String VISIT_ID = "visitId";
        public static final String REVIEW_ID = "reviewId";
        public static final String VISIT_NUMBER = "visitNumber";
        public static final String REVIEW_NUMBER = "reviewNumber";
        public static final String STEP_UP_REASON = "stepUpReason";
        public static final String STEP_UP_BY = "stepUpBy";

        private Variables() {
        }
    }

    /** The clocks of a plan, by name: {@code visitDueAt}, {@code reviewRemindAt} and so on (see ClockVariables). */
    public static final class Clocks {

        public static final String VISIT = "visit";
        public static final String REVIEW = "review";

        private Clocks() {
        }
    }

    /** The values of the {@code clock} input of the model's clock service tasks. */
    public static final class ClockInputs {

        public static final String VISIT = "VISIT";
        public static final String REVIEW = "REVIEW";

        private ClockInputs() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("planAgreedOn", "planParticipants", "planNeeds", "visitedOn", "seenAlone",
            "visitNotes", "lateReason", "reviewHeldOn", "closureReason", "reviewSummary");

    /** What the start form submits (there is none: a plan starts from a route's end). */
    public static final List<String> START_DATA = List.of();

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("planId", "visitId", "reviewId");

    /** What the step-up message carries to the model's service task: read by the Java, not the model. */
    public static final List<String> CARRIED = List.of("stepUpReason", "stepUpBy");

    private ChildInNeedPlanModel() {
    }
}
