package uk.csc.workflow.casefile;

/** The explicit end of every route: there is no "review and monitor". */
public enum CaseOutcome {
    CLOSED_NO_FURTHER_ACTION,
    CLOSED_INFORMATION_AND_ADVICE,
    STEPPED_DOWN_TO_EARLY_HELP,
    SIGNPOSTED_TO_DOMESTIC_ABUSE_SERVICES,
    CHILD_IN_NEED_PLAN,
    CHILD_PROTECTION_PLAN,
    TRANSFERRED_TO_CARE_MANAGEMENT,
    REFERRED_TO_PANEL
}
