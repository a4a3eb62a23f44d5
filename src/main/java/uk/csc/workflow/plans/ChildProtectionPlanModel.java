package uk.csc.workflow.plans;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/childProtectionPlan.bpmn} (one child protection plan: core
 * group meetings, statutory visits, review conferences and the plan's ending) and the Java: every
 * element id and variable the code names, declared once. {@code ProcessContractTest} proves each
 * exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "childProtectionPlan.bpmn")
public final class ChildProtectionPlanModel {

    public static final String PROCESS_ID = "childProtectionPlan";

    /** User tasks. */
    public static final class Tasks {

        /** Hold the core group meeting and record it. */
        public static final String HOLD_CORE_GROUP_MEETING = "UserTask_HoldCoreGroupMeeting";
        /** Visit the child and record the visit. */
        public static final String RECORD_VISIT = "UserTask_RecordChildProtectionVisit";
        /** Chair the review conference and record its decision. */
        public static final String HOLD_REVIEW_CONFERENCE = "UserTask_HoldReviewConference";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        public static final String CORE_GROUP_REMINDER = "BoundaryEvent_CoreGroupReminder";
        public static final String CORE_GROUP_DUE = "BoundaryEvent_CoreGroupDue";
        public static final String CORE_GROUP_SERVICE_MANAGER = "BoundaryEvent_CoreGroupServiceManager";
        public static final String VISIT_REMINDER = "BoundaryEvent_CpVisitReminder";
        public static final String VISIT_DUE = "BoundaryEvent_CpVisitDue";
        public static final String VISIT_SERVICE_MANAGER = "BoundaryEvent_CpVisitServiceManager";
        public static final String REVIEW_REMINDER = "BoundaryEvent_ReviewConferenceReminder";
        public static final String REVIEW_DUE = "BoundaryEvent_ReviewConferenceDue";
        public static final String REVIEW_SERVICE_MANAGER = "BoundaryEvent_ReviewConferenceServiceManager";
        /** Stepped down to a child in need plan. */
        public static final String END_STEPPED_DOWN_TO_CHILD_IN_NEED_PLAN = "EndEvent_SteppedDownToChildInNeedPlan";
        /** To become looked after: Reception into Care panel. */
        public static final String END_REFERRED_TO_PANEL = "EndEvent_ReferredToPanel";
        /** Stepped down to a Family Help plan (Families First only): its process starts. */
        public static final String END_STEPPED_DOWN_TO_FAMILY_HELP_PLAN = "EndEvent_SteppedDownToFamilyHelpPlan";
        /** Plan ended: no further action. */
        public static final String END_PLAN_ENDED_NO_FURTHER_ACTION = "EndEvent_PlanEndedNoFurtherAction";

        private Elements() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PLAN_ID = "planId";
        public static final String CLOCK = "clock";
        public static final String ENDING = "ending";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String PLAN_ENDING = "planEnding";
        public static final String CORE_GROUP_ID = "coreGroupId";
        public static final String VISIT_ID = "visitId";
        public static final String REVIEW_ID = "reviewId";
        public static final String CORE_GROUP_NUMBER = "coreGroupNumber";
        public static final String VISIT_NUMBER = "visitNumber";
        public static final String REVIEW_NUMBER = "reviewNumber";

        private Variables() {
        }
    }

    /** The clocks of a plan, by name: {@code coreGroupDueAt}, {@code visitRemindAt} and so on (see ClockVariables). */
    public static final class Clocks {

        public static final String CORE_GROUP = "coreGroup";
        public static final String VISIT = "visit";
        public static final String REVIEW = "review";

        private Clocks() {
        }
    }

    /** The values of the {@code clock} input of the model's clock service tasks. */
    public static final class ClockInputs {

        public static final String CORE_GROUP = "CORE_GROUP";
        public static final String VISIT = "VISIT";
        public static final String REVIEW = "REVIEW";

        private ClockInputs() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("coreGroupHeldOn", "attendees", "progress", "lateReason", "visitedOn",
            "seenAlone", "visitNotes", "reviewHeldOn", "categoryOfAbuse", "reviewSummary");

    /** What the start form submits (there is none: a plan starts from a conference). */
    public static final List<String> START_DATA = List.of();

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("planId", "coreGroupId", "visitId", "reviewId");

    private ChildProtectionPlanModel() {
    }
}
