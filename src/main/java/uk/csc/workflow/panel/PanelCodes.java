package uk.csc.workflow.panel;

/** Code lists of the panel's own decisions (form and variable values); SSDA903 codes are in {@code codes.Ssda903}. */
public final class PanelCodes {

    private PanelCodes() {
    }

    public enum Proposal { S20_ACCOMMODATION, PLO_PRE_PROCEEDINGS, ISSUE_CARE_PROCEEDINGS, SUPPORT_AT_HOME }

    public enum EmergencyAdmission { POLICE_PROTECTION, EMERGENCY_PROTECTION_ORDER, OUT_OF_HOURS_ACCOMMODATION }

    public enum Decision { ADMIT_TO_CARE, LEGAL_PROCEEDINGS, SUPPORT_AT_HOME, MORE_INFORMATION }

    public enum LegalRoute { PRE_PROCEEDINGS, ISSUE }

    public enum YesNo { YES, NO }

    public enum PreProceedingsOutcome { ISSUE_PROCEEDINGS, STEP_DOWN }

    /** Whether the family group decision-making meeting the family accepted was held (Children Act 1989 s31ZA(2), (3)). */
    public enum FgdmMeetingResult { HELD, NOT_HELD_BEST_INTERESTS, FAMILY_WITHDREW }

    /** What the family's meeting proposed in response to the concerns (s31ZA(4)(b)). */
    public enum FgdmOutcome { FAMILY_PLAN_AGREED, FAMILY_PLAN_PARTLY_AGREED, NO_FAMILY_PLAN }

    public enum FinalOrder {
        CARE_ORDER, SUPERVISION_ORDER, SPECIAL_GUARDIANSHIP_ORDER, CHILD_ARRANGEMENTS_ORDER, PLACEMENT_ORDER, NO_ORDER, WITHDRAWN
    }

    public enum PermanencePlan { RETURN_HOME, LONG_TERM_FOSTERING, ADOPTION, SPECIAL_GUARDIANSHIP, RESIDENTIAL, INDEPENDENCE }
}
