package uk.csc.workflow.panel;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/receptionIntoCarePanel.bpmn} (the Reception into Care panel: request, endorsement, sitting, decision, placement and the legal route) and the Java: every
 * element id, message and variable the code names, declared once. {@code ProcessContractTest}
 * proves each exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "receptionIntoCarePanel.bpmn")
public final class ReceptionIntoCarePanelModel {

    public static final String PROCESS_ID = "receptionIntoCarePanel";

    /** User tasks. */
    public static final class Tasks {

        /** Prepare the panel request. */
        public static final String PREPARE_REQUEST = "UserTask_PrepareRequest";
        /** Endorse the request for care proceedings. */
        public static final String ENDORSE_REQUEST = "UserTask_EndorseRequest";
        /** Record the emergency placement. */
        public static final String RECORD_EMERGENCY_PLACEMENT = "UserTask_RecordEmergencyPlacement";
        /** Record the panel decision. */
        public static final String RECORD_PANEL_DECISION = "UserTask_RecordPanelDecision";
        /** Provide the information the panel asked for. */
        public static final String PROVIDE_MORE_INFORMATION = "UserTask_ProvideMoreInformation";
        /** Record the placement. */
        public static final String RECORD_PLACEMENT = "UserTask_RecordPlacement";
        /** Approve the residential placement. */
        public static final String APPROVE_RESIDENTIAL_PLACEMENT = "UserTask_ApproveResidentialPlacement";
        /** Complete the care plan. */
        public static final String COMPLETE_CARE_PLAN = "UserTask_CompleteCarePlan";
        /** Record the initial health assessment. */
        public static final String RECORD_HEALTH_ASSESSMENT = "UserTask_RecordHealthAssessment";
        /** Send the placement notice. */
        public static final String SEND_PLACEMENT_NOTICE = "UserTask_SendPlacementNotice";
        /** Hold the legal planning meeting. */
        public static final String HOLD_LEGAL_PLANNING_MEETING = "UserTask_HoldLegalPlanningMeeting";
        /** Send the letter before proceedings. */
        public static final String SEND_LETTER_BEFORE_PROCEEDINGS = "UserTask_SendLetterBeforeProceedings";
        /** Record the family's answer to the offer of a family group decision-making meeting. */
        public static final String RECORD_FAMILY_GROUP_ANSWER = "UserTask_RecordFamilyGroupAnswer";
        /** Hold the family group decision-making meeting (its clock, FGDM_MEETING, escalates). */
        public static final String HOLD_FAMILY_GROUP_MEETING = "UserTask_HoldFamilyGroupMeeting";
        /** Hold the pre-proceedings meeting. */
        public static final String HOLD_PRE_PROCEEDINGS_MEETING = "UserTask_HoldPreProceedingsMeeting";
        /** Record the conclusion of proceedings. */
        public static final String CONCLUDE_PROCEEDINGS = "UserTask_ConcludeProceedings";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        /** Care plan: deadline passed. */
        public static final String CARE_PLAN_DUE = "BoundaryEvent_CarePlanDue";
        /** Care proceedings: deadline passed. */
        public static final String CARE_PROCEEDINGS_DUE = "BoundaryEvent_CareProceedingsDue";
        /** Care proceedings: reminder due. */
        public static final String CARE_PROCEEDINGS_REMINDER = "BoundaryEvent_CareProceedingsReminder";
        /** Care proceedings: 5 working days overdue. */
        public static final String CARE_PROCEEDINGS_SERVICE_MANAGER = "BoundaryEvent_CareProceedingsServiceManager";
        /** Family group decision-making meeting: reminder due. */
        public static final String FGDM_MEETING_REMINDER = "BoundaryEvent_FgdmMeetingReminder";
        /** Family group decision-making meeting: deadline passed. */
        public static final String FGDM_MEETING_DUE = "BoundaryEvent_FgdmMeetingDue";
        /** Family group decision-making meeting: 5 working days overdue. */
        public static final String FGDM_MEETING_SERVICE_MANAGER = "BoundaryEvent_FgdmMeetingServiceManager";
        /** Threshold not met at the legal planning meeting. */
        public static final String END_THRESHOLD_NOT_MET = "EndEvent_ThresholdNotMet";
        /** Stepped down from proceedings. */
        public static final String END_STEPPED_DOWN_FROM_PROCEEDINGS = "EndEvent_SteppedDownFromProceedings";
        /** Health assessment: deadline passed. */
        public static final String HEALTH_ASSESSMENT_DUE = "BoundaryEvent_HealthAssessmentDue";
        /** Child looked after. */
        public static final String END_CHILD_LOOKED_AFTER = "EndEvent_ChildLookedAfter";
        /** Emergency admission ratified. */
        public static final String END_EMERGENCY_ADMISSION_RATIFIED = "EndEvent_EmergencyAdmissionRatified";
        /** Proceedings concluded. */
        public static final String END_PROCEEDINGS_CONCLUDED = "EndEvent_ProceedingsConcluded";
        /** Supported at home. */
        public static final String END_SUPPORT_AT_HOME = "EndEvent_SupportAtHome";
        /** Panel sits. */
        public static final String SITTING_DAY = "TimerEvent_SittingDay";

        private Elements() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PROPOSAL = "proposal";
        public static final String EMERGENCY_ADMISSION = "emergencyAdmission";
        public static final String EMERGENCY_ON = "emergencyOn";
        public static final String ENDORSED = "endorsed";
        public static final String ENDORSE_PROCEEDINGS = "endorseProceedings";
        public static final String REQUEST_PREPARED = "requestPrepared";
        public static final String SITTING_ON = "sittingOn";
        public static final String SITTING_AT = "sittingAt";
        public static final String PANEL_DECISION = "panelDecision";
        public static final String LEGAL_ROUTE = "legalRoute";
        public static final String THRESHOLD_MET = "thresholdMet";
        public static final String INFORMATION_NEEDED = "informationNeeded";
        public static final String EMERGENCY_PLACEMENT = "emergencyPlacement";
        public static final String RESIDENTIAL = "residential";
        public static final String RESIDENTIAL_APPROVED = "residentialApproved";
        public static final String PLACEMENT_TYPE = "placementType";
        public static final String PLACEMENT_START_ON = "placementStartOn";
        public static final String PRE_PROCEEDINGS_OUTCOME = "preProceedingsOutcome";
        /** The letter offered a family group decision-making meeting (Children Act 1989 s31ZA). */
        public static final String FGDM_OFFERED = "fgdmOffered";
        public static final String FGDM_ACCEPTED = "fgdmAccepted";
        /** The day the offer was accepted: the FGDM_MEETING clock counts from it. */
        public static final String FGDM_ACCEPTED_ON = "fgdmAcceptedOn";
        public static final String PROCEEDINGS_ISSUED_ON = "proceedingsIssuedOn";
        public static final String FINAL_ORDER = "finalOrder";
        public static final String REQUESTED_BY = "requestedBy";
        public static final String REQUEST_ID = "requestId";

        private Variables() {
        }
    }

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("requestReason", "riskSummary", "familyOptions", "endorsementReason", "decisionReasons",
            "attendees", "conditions", "supportReviewOn", "additionalInformation", "legalStatus",
            "placementProvider", "preferenceReason", "approvalReason", "meetingHeldOn", "legalAdvice",
            "letterSentOn", "outcomeReason", "concludedOn", "proceedingsNotes", "carePlanCompletedOn",
            "permanencePlan", "carePlanSummary", "healthAssessmentOn", "healthNotes", "noticeSentOn",
            "noticeSentTo", "fgdmNotOfferedReason", "fgdmAnsweredOn", "fgdmMeetingResult", "fgdmHeldOn", "fgdmOutcome",
            "fgdmSummary", "informationNeeded");

    /** What the start form submits: recorded by the first service task, then removed from the process. */
    public static final List<String> START_DATA = List.of("requestReason", "riskSummary", "familyOptions");

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("requestId");

    private ReceptionIntoCarePanelModel() {
    }
}
