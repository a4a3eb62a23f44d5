package uk.csc.workflow.plans;

/** The decisions and endings of the plans, as enums whose names are the form and variable values. */
public final class PlanCodes {

    private PlanCodes() {
    }

    /** Where a child protection plan came from. */
    public enum CpSource { INITIAL_CONFERENCE, TRANSFER_IN }

    /** Where a child in need plan came from. */
    public enum CinSource { REFERRAL_ROUTE, CP_STEP_DOWN }

    /**
     * Where a Family Help plan came from (Families First): the single assessment, or a child in need
     * or child protection plan's review that stepped it down.
     */
    public enum FamilyHelpSource { SINGLE_ASSESSMENT, CIN_STEP_DOWN, CP_STEP_DOWN }

    /** A child protection review conference's decision. */
    public enum CpReviewDecision { CONTINUE, CHANGE_CATEGORY, END_PLAN }

    /** How a child protection plan ends; STEP_DOWN_TO_FAMILY_HELP under the Families First profile only. */
    public enum CpPlanEnding { STEP_DOWN_TO_CHILD_IN_NEED, STEP_DOWN_TO_FAMILY_HELP, LOOKED_AFTER, NO_FURTHER_ACTION }

    /** A Family Help plan's review: it continues, steps up to a strategy discussion, steps down to universal services, or closes (needs met). */
    public enum FamilyHelpReviewDecision { CONTINUE, STEP_UP, STEP_DOWN, CLOSE }

    /**
     * A child in need review's decision; all but CONTINUE end the plan. STEP_DOWN_TO_FAMILY_HELP
     * (Families First only) moves the child to a Family Help plan: help under s17 goes on, so the CIN
     * episode is not closed and needs no census closure reason.
     */
    public enum CinReviewDecision {
        CONTINUE, STEP_UP, STEP_DOWN, STEP_DOWN_TO_FAMILY_HELP, CLOSE;

        /** The CIN episode closes, so the census needs its closure reason. */
        public boolean closesEpisode() {
            return this == STEP_DOWN || this == CLOSE;
        }
    }
}
