package uk.csc.workflow.casefile;

/** The explicit end of every route: there is no "review and monitor". */
public enum CaseOutcome {
    CLOSED_NO_FURTHER_ACTION(CaseStage.CLOSED),
    CLOSED_INFORMATION_AND_ADVICE(CaseStage.CLOSED),
    STEPPED_DOWN_TO_EARLY_HELP(CaseStage.CLOSED),
    SIGNPOSTED_TO_DOMESTIC_ABUSE_SERVICES(CaseStage.CLOSED),
    CHILD_IN_NEED_PLAN(CaseStage.CHILD_IN_NEED),
    CHILD_PROTECTION_PLAN(CaseStage.CHILD_PROTECTION),
    TRANSFERRED_TO_CARE_MANAGEMENT(CaseStage.CARE_MANAGEMENT),
    REFERRED_TO_PANEL(CaseStage.PANEL),
    /** The referral route gave way to a transfer-in conference: the child moved in on a plan. */
    TRANSFERRED_IN_ON_CHILD_PROTECTION_PLAN(CaseStage.CHILD_PROTECTION),
    /** A review conference ended the child protection plan with no further action. */
    CHILD_PROTECTION_PLAN_ENDED(CaseStage.CLOSED),
    /** A child in need plan stepped up to a strategy discussion (the referral route's). */
    STEPPED_UP_TO_STRATEGY_DISCUSSION(CaseStage.STRATEGY_DISCUSSION),
    /** A child in need plan closed, with its CIN census closure reason. */
    CHILD_IN_NEED_PLAN_CLOSED(CaseStage.CLOSED),
    /** Families First: the single assessment led to a Family Help plan with a lead practitioner. */
    FAMILY_HELP_PLAN(CaseStage.FAMILY_HELP),
    /** Families First: a child in need or child protection plan's review stepped the child down to a Family Help plan. */
    STEPPED_DOWN_TO_FAMILY_HELP(CaseStage.FAMILY_HELP),
    /** A Family Help plan stepped down to universal services. */
    FAMILY_HELP_STEPPED_DOWN(CaseStage.CLOSED),
    /** A Family Help plan closed: the family's needs were met. */
    FAMILY_HELP_CLOSED(CaseStage.CLOSED);

    private final CaseStage nextStage;

    CaseOutcome(CaseStage nextStage) {
        this.nextStage = nextStage;
    }

    /** A route that ends in a plan or a hand-off leaves the case open at that stage. */
    public CaseStage nextStage() {
        return nextStage;
    }

    public boolean closesCase() {
        return nextStage == CaseStage.CLOSED;
    }
}
