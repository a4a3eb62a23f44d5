package uk.csc.workflow.casefile;

/** Where a case is on its route; a closed case carries a {@link CaseOutcome} instead. */
public enum CaseStage {
    CONTACT, MULTI_AGENCY_SCREENING, REFERRAL_DECISION, ALLOCATION, INITIAL_ASSESSMENT, CORE_ASSESSMENT,
    SINGLE_ASSESSMENT, STRATEGY_DISCUSSION, S47_ENQUIRY, CHILD_PROTECTION_CONFERENCE,
    /** Open cases after the front door: the plan or service the route ended in. */
    CHILD_IN_NEED, FAMILY_HELP, CHILD_PROTECTION, CARE_MANAGEMENT, PANEL, LEGAL_PROCEEDINGS, LOOKED_AFTER,
    CLOSED
}
