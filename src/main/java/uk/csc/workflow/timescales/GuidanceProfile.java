package uk.csc.workflow.timescales;

/**
 * The statutory guidance a case is run under. A case keeps the profile it started with,
 * so switching the council to {@link #WT2023} changes only cases started afterwards.
 */
public enum GuidanceProfile {
    /** Working Together 2010: initial (7) and core (35 working days) assessments. */
    WT2010,
    /** Working Together 2023: a single assessment within 45 working days. */
    WT2023
}
