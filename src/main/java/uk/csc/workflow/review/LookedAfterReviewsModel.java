package uk.csc.workflow.review;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/lookedAfterReviews.bpmn} (a period of care: regulation 33 reviews with sign-off, regulation 28 visits, placement changes and ceasing) and the Java: every
 * element id, message and variable the code names, declared once. {@code ProcessContractTest}
 * proves each exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "lookedAfterReviews.bpmn")
public final class LookedAfterReviewsModel {

    public static final String PROCESS_ID = "lookedAfterReviews";

    /** User tasks. */
    public static final class Tasks {

        /** Arrange the review and send invitations. */
        public static final String ARRANGE_REVIEW = "UserTask_ArrangeReview";
        /** Hold the review and record it. */
        public static final String HOLD_REVIEW = "UserTask_HoldReview";
        /** Sign off the review record. */
        public static final String SIGN_OFF_REVIEW = "UserTask_SignOffReview";
        /** Visit the child and record the visit. */
        public static final String RECORD_VISIT = "UserTask_RecordVisit";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        /** Review: deadline passed. */
        public static final String REVIEW_DUE = "BoundaryEvent_ReviewDue";
        /** Review: reminder due. */
        public static final String REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
        /** Review: 5 working days overdue. */
        public static final String REVIEW_SERVICE_MANAGER = "BoundaryEvent_ReviewServiceManager";
        /** Review sign-off: deadline passed. */
        public static final String SIGN_OFF_DUE = "BoundaryEvent_SignOffDue";
        /** Review sign-off: reminder due. */
        public static final String SIGN_OFF_REMINDER = "BoundaryEvent_SignOffReminder";
        /** Review sign-off: 5 working days overdue. */
        public static final String SIGN_OFF_SERVICE_MANAGER = "BoundaryEvent_SignOffServiceManager";
        /** Visit: reminder due. */
        public static final String VISIT_REMINDER = "BoundaryEvent_VisitReminder";
        /** Visit: 5 working days overdue. */
        public static final String VISIT_SERVICE_MANAGER = "BoundaryEvent_VisitServiceManager";
        /** Care ended. */
        public static final String END_CEASED_LOOKED_AFTER = "EndEvent_CeasedLookedAfter";
        /** Invitations due. */
        public static final String INVITATIONS_DUE = "IntermediateCatchEvent_InvitationsDue";

        private Elements() {
        }
    }

    /** Messages the code correlates. */
    public static final class Messages {

        public static final String EARLY_REVIEW_REQUESTED = "Message_EarlyReviewRequested";
        public static final String PLACEMENT_CHANGED = "Message_PlacementChanged";
        public static final String CEASED_LOOKED_AFTER = "Message_CeasedLookedAfter";

        private Messages() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PERIOD_ID = "periodId";
        public static final String REVIEW_ID = "reviewId";
        public static final String SIGN_OFF_ID = "signOffId";
        public static final String VISIT_ID = "visitId";
        public static final String REVIEW_NUMBER = "reviewNumber";
        public static final String SIGN_OFF_NUMBER = "signOffNumber";
        public static final String VISIT_NUMBER = "visitNumber";
        public static final String ARRANGE_NOW = "arrangeNow";
        public static final String LAST_HELD_REVIEW_ID = "lastHeldReviewId";
        public static final String REVIEW_INVITE_AT = "reviewInviteAt";
        public static final String PLACEMENT_TYPE = "placementType";
        public static final String CLOCK = "clock";
        public static final String PLACEMENT_STARTED_ON = "placementStartedOn";
        public static final String LEGAL_STATUS = "legalStatus";
        public static final String PLACEMENT_PROVIDER = "placementProvider";
        public static final String REASON_FOR_NEW_EPISODE = "reasonForNewEpisode";
        public static final String INTENDED_UNTIL18 = "intendedUntil18";
        public static final String CHANGED_BY = "changedBy";
        public static final String CEASED_ON = "ceasedOn";
        public static final String REASON_CEASED = "reasonCeased";
        public static final String CEASED_BY = "ceasedBy";

        private Variables() {
        }
    }

    /** The clocks of a period of care, by name: {@code reviewDueAt}, {@code visitRemindAt} and so on (see ClockVariables). */
    public static final class Clocks {

        public static final String REVIEW = "review";
        public static final String SIGN_OFF = "signOff";
        public static final String VISIT = "visit";

        private Clocks() {
        }
    }

    /** The values of the {@code clock} input of the model's clock service tasks. */
    public static final class ClockInputs {

        public static final String REVIEW = "REVIEW";
        public static final String SIGN_OFF = "SIGN_OFF";
        public static final String VISIT = "VISIT";

        private ClockInputs() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("reviewPlannedFor", "invitationsSentOn", "invitees", "plannedLateReason", "reviewHeldOn",
            "participation", "childsViews", "decisions", "lateReason", "recordAgreed", "managerComments",
            "visitedOn", "seenAlone", "visitNotes");

    /** What the start form submits: recorded by the first service task, then removed from the process. */
    public static final List<String> START_DATA = List.of();

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("periodId", "reviewId", "signOffId", "visitId");

    /** What a message carries to the model's service tasks (a placement change, ceasing): read by the Java, not the model. */
    public static final List<String> CARRIED = List.of("placementStartedOn", "legalStatus", "placementType", "placementProvider",
            "reasonForNewEpisode", "intendedUntil18", "changedBy", "ceasedOn", "reasonCeased", "ceasedBy");

    private LookedAfterReviewsModel() {
    }
}
