package uk.csc.workflow.referral;

/** The variables of the referral route: ids and routing values only (names used in the BPMN). */
public final class ProcessVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REF = "caseRef";
    public static final String CONTACT_ID = "contactId";
    public static final String TEAM = "team";
    public static final String TEAM_MANAGERS = "teamManagers";
    public static final String WORKER = "worker";
    public static final String PROFILE = "profile";
    public static final String RECEIVED_ON = "receivedOn";
    public static final String DV_NOTIFICATION = "dvNotification";
    public static final String CONCERN_LEVEL = "concernLevel";
    public static final String IMMEDIATE_RISK = "immediateRisk";
    public static final String CONSENT = "consent";
    public static final String RE_REFERRAL = "reReferral";
    public static final String PROPOSED_RESPONSE = "proposedResponse";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String REFERRAL_DECISION = "referralDecision";
    public static final String REFERRAL_DATE = "referralDate";
    public static final String RECOMMENDATION = "recommendation";
    public static final String ASSESSMENT_OUTCOME = "assessmentOutcome";
    public static final String ASSESSMENT_DUE_ON = "assessmentDueOn";
    public static final String CORE_ASSESSMENT_STARTED_ON = "coreAssessmentStartedOn";
    public static final String STRATEGY_DECISION = "strategyDecision";
    public static final String STRATEGY_HELD_ON = "strategyHeldOn";
    public static final String S47_OUTCOME = "s47Outcome";
    public static final String CONFERENCE_OUTCOME = "conferenceOutcome";
    public static final String ICPC_DUE_ON = "icpcDueOn";
    public static final String NEXT_STEP = "nextStep";

    private ProcessVariables() {
    }
}
