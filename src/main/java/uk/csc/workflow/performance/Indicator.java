package uk.csc.workflow.performance;

/**
 * The statutory indicators of DOMAIN.md section 4. Each one's cohort is defined in
 * {@link IndicatorSql}: one row per case (or review, or plan) in the denominator, flagged when
 * it is in the numerator.
 */
public enum Indicator {
    NI59("Initial assessments within 7 working days", true),
    NI60("Core assessments within 35 working days", true),
    SA45("Single assessments within 45 working days", true),
    NI66("Children looked after whose reviews were all on time", true),
    C63("Children in care who participated in their reviews", true),
    NI67("Child protection reviews held on time", true),
    NI68("Referrals that went on to an assessment", true),
    NI147("Care leavers (aged 19) in suitable accommodation", true),
    ABSENCE("Children in care 12+ months absent from school more than 25 days", false),
    FOSTERED("Looked-after children in foster placements", true),
    REREFERRAL("Referrals within 12 months of a previous referral", false),
    NI65("Child protection plans for a second or later time", false),
    NI62("Looked-after children with 3 or more placements in the year", false);

    private final String title;
    private final boolean higherIsBetter;

    Indicator(String title, boolean higherIsBetter) {
        this.title = title;
        this.higherIsBetter = higherIsBetter;
    }

    public String title() {
        return title;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
