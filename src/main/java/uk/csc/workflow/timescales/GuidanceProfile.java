package uk.csc.workflow.timescales;

/**
 * The statutory guidance a case is run under. A case keeps the profile it started with,
 * so switching the council to {@link #WT2023} or {@link #FAMILIES_FIRST} changes only cases
 * started afterwards.
 */
public enum GuidanceProfile {
    /** Working Together 2010: initial (7) and core (35 working days) assessments. */
    WT2010,
    /** Working Together 2023: a single assessment within 45 working days. */
    WT2023,
    /**
     * The Families First Partnership (DfE programme guide, March 2025, updated March 2026): Working
     * Together 2023 (every rule of {@link #WT2023} applies) with one Family Help service: a lead
     * practitioner, one assessment and one Family Help plan, reviewed at the council's frequency.
     */
    FAMILIES_FIRST;

    /** Whether a rule listed for {@code listed} applies under this profile (Families First runs under Working Together 2023). */
    public boolean includes(GuidanceProfile listed) {
        return this == listed || this == FAMILIES_FIRST && listed == WT2023;
    }

    /** The single assessment (45 working days) rather than the initial and core assessments. */
    public boolean singleAssessment() {
        return this != WT2010;
    }
}
