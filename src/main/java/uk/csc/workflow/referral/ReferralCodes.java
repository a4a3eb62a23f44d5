package uk.csc.workflow.referral;

/** The decisions and outcomes of the route, as enums whose names are the form and variable values. */
public final class ReferralCodes {

    private ReferralCodes() {
    }

    public enum ConcernLevel { INFORMATION_REQUEST, LOW_LEVEL_NEED, CHILD_IN_NEED, SIGNIFICANT_HARM }

    /** What the contact-classification decision table proposes. */
    public enum ProposedResponse { INFORMATION_AND_ADVICE, EARLY_HELP, ASSESSMENT, STRATEGY_DISCUSSION }

    public enum ReferralDecision { NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, ACCEPT_REFERRAL, STRATEGY_DISCUSSION }

    public enum Agency { POLICE, HEALTH, SOCIAL_CARE, EDUCATION }

    public enum RiskLevel { STANDARD, MEDIUM, HIGH }

    public enum ScreeningDecision { REFER, NO_FURTHER_ACTION, SIGNPOST }

    public enum AssessmentKind { INITIAL, CORE, SINGLE }

    public enum CategoryOfNeed { N1, N2, N3, N4, N5, N6, N7, N8 }

    public enum AssessmentOutcome {
        RETURN_TO_WORKER, CLOSE, CHILD_IN_NEED_PLAN, CORE_ASSESSMENT, STRATEGY_DISCUSSION, PANEL, CARE_MANAGEMENT, FAMILY_HELP_PLAN
    }

    public enum StrategyDecision { START_S47, NO_S47 }

    public enum S47Outcome { CONCERNS_SUBSTANTIATED, NOT_SUBSTANTIATED }

    public enum ConferenceOutcome { CP_PLAN, NO_PLAN }

    public enum CategoryOfAbuse { NEG, PHY, SAB, EMO, MUL }

    /** Where a route goes when no further child protection step is needed. */
    public enum NextStep { CLOSE, CHILD_IN_NEED_PLAN }
}
