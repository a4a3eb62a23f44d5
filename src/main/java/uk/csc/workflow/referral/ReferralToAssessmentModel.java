package uk.csc.workflow.referral;

import java.util.List;

import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The contract between {@code processes/referralToAssessment.bpmn} (the referral route, from contact to assessment, strategy discussion, s47 enquiry and initial conference) and the Java: every
 * element id, message and variable the code names, declared once. {@code ProcessContractTest}
 * proves each exists in the model, and that each form field of the model is routing or case data.
 */
@ProcessContract(model = "referralToAssessment.bpmn")
public final class ReferralToAssessmentModel {

    public static final String PROCESS_ID = "referralToAssessment";

    /** User tasks. */
    public static final class Tasks {

        /** Police: contribute to screening. */
        public static final String POLICE_CONTRIBUTION = "UserTask_PoliceContribution";
        /** Health: contribute to screening. */
        public static final String HEALTH_CONTRIBUTION = "UserTask_HealthContribution";
        /** Social care: contribute to screening. */
        public static final String SOCIAL_CARE_CONTRIBUTION = "UserTask_SocialCareContribution";
        /** Make joint screening decision. */
        public static final String JOINT_SCREENING_DECISION = "UserTask_JointScreeningDecision";
        /** Decide: contact or referral. */
        public static final String RECORD_REFERRAL_DECISION = "UserTask_RecordReferralDecision";
        /** Allocate a social worker. */
        public static final String ALLOCATE_WORKER = "UserTask_AllocateWorker";
        /** Complete initial assessment. */
        public static final String COMPLETE_INITIAL_ASSESSMENT = "UserTask_CompleteInitialAssessment";
        /** Authorise initial assessment. */
        public static final String AUTHORISE_INITIAL_ASSESSMENT = "UserTask_AuthoriseInitialAssessment";
        /** Complete core assessment. */
        public static final String COMPLETE_CORE_ASSESSMENT = "UserTask_CompleteCoreAssessment";
        /** Authorise core assessment. */
        public static final String AUTHORISE_CORE_ASSESSMENT = "UserTask_AuthoriseCoreAssessment";
        /** Complete single assessment. */
        public static final String COMPLETE_SINGLE_ASSESSMENT = "UserTask_CompleteSingleAssessment";
        /** Authorise single assessment. */
        public static final String AUTHORISE_SINGLE_ASSESSMENT = "UserTask_AuthoriseSingleAssessment";
        /** Hold strategy discussion. */
        public static final String HOLD_STRATEGY_DISCUSSION = "UserTask_HoldStrategyDiscussion";
        /** Complete s47 enquiry. */
        public static final String COMPLETE_S47_ENQUIRY = "UserTask_CompleteS47Enquiry";
        /** Hold initial child protection conference. */
        public static final String HOLD_INITIAL_CONFERENCE = "UserTask_HoldInitialConference";

        // Multi-agency child protection (csc.child-protection.multi-agency; Children's Wellbeing and Schools Act 2026 s3)

        /** Police: contribute to the strategy discussion. */
        public static final String POLICE_STRATEGY_CONTRIBUTION = "UserTask_PoliceStrategyContribution";
        /** Health: contribute to the strategy discussion. */
        public static final String HEALTH_STRATEGY_CONTRIBUTION = "UserTask_HealthStrategyContribution";
        /** Education: contribute to the strategy discussion. */
        public static final String EDUCATION_STRATEGY_CONTRIBUTION = "UserTask_EducationStrategyContribution";
        /** Lead the multi-agency strategy discussion (the lead child protection practitioner). */
        public static final String LEAD_STRATEGY_DISCUSSION = "UserTask_LeadStrategyDiscussion";
        /** Police: contribute to the s47 enquiry. */
        public static final String POLICE_S47_CONTRIBUTION = "UserTask_PoliceS47Contribution";
        /** Health: contribute to the s47 enquiry. */
        public static final String HEALTH_S47_CONTRIBUTION = "UserTask_HealthS47Contribution";
        /** Education: contribute to the s47 enquiry. */
        public static final String EDUCATION_S47_CONTRIBUTION = "UserTask_EducationS47Contribution";

        private Tasks() {
        }
    }

    /** Other elements the code refers to (tests fire their timers and check where a route ended). */
    public static final class Elements {

        /** Initial child protection conference: deadline passed. */
        public static final String CHILD_PROTECTION_ENQUIRY_DUE = "BoundaryEvent_ChildProtectionEnquiryDue";
        /** Core assessment: deadline passed. */
        public static final String CORE_ASSESSMENT_DUE = "BoundaryEvent_CoreAssessmentDue";
        /** Initial assessment: deadline passed. */
        public static final String INITIAL_ASSESSMENT_DUE = "BoundaryEvent_InitialAssessmentDue";
        /** Initial assessment: reminder due. */
        public static final String INITIAL_ASSESSMENT_REMINDER = "BoundaryEvent_InitialAssessmentReminder";
        /** Initial assessment: 5 working days overdue. */
        public static final String INITIAL_ASSESSMENT_SERVICE_MANAGER = "BoundaryEvent_InitialAssessmentServiceManager";
        /** Referral decision: deadline passed. */
        public static final String REFERRAL_DECISION_DUE = "BoundaryEvent_ReferralDecisionDue";
        /** Referral decision: reminder due. */
        public static final String REFERRAL_DECISION_REMINDER = "BoundaryEvent_ReferralDecisionReminder";
        /** Referral decision: 5 working days overdue. */
        public static final String REFERRAL_DECISION_SERVICE_MANAGER = "BoundaryEvent_ReferralDecisionServiceManager";
        /** Single assessment: deadline passed. */
        public static final String SINGLE_ASSESSMENT_DUE = "BoundaryEvent_SingleAssessmentDue";
        /** Propose response (contact classification). */
        public static final String CLASSIFY_CONTACT = "BusinessRuleTask_ClassifyContact";
        /** Child in need plan. */
        public static final String END_CHILD_IN_NEED_PLAN = "EndEvent_ChildInNeedPlan";
        /** Family Help plan (profile FAMILIES_FIRST). */
        public static final String END_FAMILY_HELP_PLAN = "EndEvent_FamilyHelpPlan";
        /** Child protection plan. */
        public static final String END_CHILD_PROTECTION_PLAN = "EndEvent_ChildProtectionPlan";
        /** Closed: no further action. */
        public static final String END_CLOSED_NO_FURTHER_ACTION = "EndEvent_ClosedNoFurtherAction";
        /** Transferred to care management. */
        public static final String END_TRANSFERRED_TO_CARE_MANAGEMENT = "EndEvent_TransferredToCareManagement";
        /** Fix how this case's child protection is run: where a strategy discussion opens (a step-up starts here too). */
        public static final String FIX_CHILD_PROTECTION_WAY = "ServiceTask_FixChildProtectionWay";
        /** Multi-agency strategy discussion (the setting on). */
        public static final String MULTI_AGENCY_STRATEGY_DISCUSSION = "SubProcess_MultiAgencyStrategyDiscussion";
        /** Transferred in on a child protection plan (the route gave way to a transfer-in conference). */
        public static final String END_TRANSFERRED_IN_ON_CHILD_PROTECTION_PLAN = "EndEvent_TransferredInOnChildProtectionPlan";

        private Elements() {
        }
    }

    /** Messages the code correlates. */
    public static final class Messages {

        /** A transfer-in conference put the child on a plan: the route ends and the plan takes over. */
        public static final String TRANSFERRED_IN_ON_PLAN = "Message_TransferredInOnPlan";

        private Messages() {
        }
    }

    /** Routing variables: written by the system or a form, read by the model or its forms. */
    public static final class Variables {

        public static final String PROFILE = "profile";
        public static final String RECEIVED_ON = "receivedOn";
        public static final String DV_NOTIFICATION = "dvNotification";
        public static final String CONCERN_LEVEL = "concernLevel";
        public static final String IMMEDIATE_RISK = "immediateRisk";
        public static final String CONSENT = "consent";
        public static final String PROPOSED_RESPONSE = "proposedResponse";
        public static final String SCREENING_DECISION = "screeningDecision";
        public static final String REFERRAL_DECISION = "referralDecision";
        public static final String REFERRAL_DATE = "referralDate";
        public static final String RECOMMENDATION = "recommendation";
        public static final String ASSESSMENT_OUTCOME = "assessmentOutcome";
        public static final String CORE_ASSESSMENT_STARTED_ON = "coreAssessmentStartedOn";
        public static final String STRATEGY_DECISION = "strategyDecision";
        public static final String STRATEGY_HELD_ON = "strategyHeldOn";
        public static final String S47_OUTCOME = "s47Outcome";
        public static final String CONFERENCE_OUTCOME = "conferenceOutcome";
        public static final String NEXT_STEP = "nextStep";
        public static final String CONTACT_ID = "contactId";
        public static final String DUTY_WORKER = "dutyWorker";
        /** Whether this case's child protection runs with a multi-agency team: fixed when its strategy discussion opens. */
        public static final String MULTI_AGENCY_CHILD_PROTECTION = "multiAgencyChildProtection";
        /** The case's team's lead child protection practitioners (user ids), offered the strategy discussion. */
        public static final String LEAD_PRACTITIONERS = "leadPractitioners";
        /** The lead child protection practitioner who led the strategy discussion (a user id): the s47 enquiry and the plan are theirs. */
        public static final String LEAD_PRACTITIONER = "leadPractitioner";

        private Variables() {
        }
    }

    /** The name under which the current assessment's due date is shown ({@code assessmentDueOn}), whichever kind it is. */
    public static final String CLOCK_ASSESSMENT = "assessment";

    /** What the task forms submit that belongs in the case tables: recorded there, then removed from the process. */
    public static final List<String> CASE_DATA = List.of("information", "riskLevel", "screeningReason", "decisionReason", "allocatedWorker", "childSeenOn",
            "completedOn", "categoryOfNeed", "summary", "outcomeReason", "transferCriteria",
            "strategyAttendees", "strategyReason", "s47ConcludedOn", "s47Reason", "conferenceHeldOn",
            "categoryOfAbuse");

    /** What the start form submits: recorded by the first service task, then removed from the process. */
    public static final List<String> START_DATA = List.of("childFirstName", "childLastName", "childUnborn", "childDateOfBirth", "childExpectedBirth",
            "childSex", "childEthnicity", "childPostcode", "childNhsNumber", "childUpn", "referralSource",
            "receivedOn", "concerns", "concernLevel", "immediateRisk", "dvNotification", "consent",
            "teamOverride", "matchChildId", "matchDecision");

    /** Ids the system keeps on the instance: never taken from a form. */
    public static final List<String> KEYS = List.of("contactId", "dutyWorker", "multiAgencyChildProtection", "leadPractitioners",
            "leadPractitioner");

    private ReferralToAssessmentModel() {
    }
}
