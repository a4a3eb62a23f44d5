package uk.csc.workflow.returns;

/**
 * Which children a return reads: only those the period can name, each with everything held about
 * them, so a return's cost follows the period and not the whole of the city's history.
 */
public final class ReturnPeriod {

    /**
     * The children with something in or after the period: a case open on or after its first day
     * (or referred in it), a period of care, an episode, a plan or a missing episode that had not
     * ended before it, and every care leaver and adoption (OC3 and Annex A look back by age, not by
     * date). A superset of those the returns name: each return still picks what falls in its period.
     * Assessments, enquiries and the rest belong to a case, open while they happen.
     */
    public static final String CHILDREN_OF_THE_PERIOD = """
            SELECT c.child_id FROM care_case c WHERE c.closed_at IS NULL OR c.closed_at >= :dayBefore
            UNION SELECT c.child_id FROM care_case c WHERE c.referral_date >= :from
            UNION SELECT p.child_id FROM looked_after_period p WHERE p.ended_on IS NULL OR p.ended_on >= :from
            UNION SELECT p.child_id FROM looked_after_episode e JOIN looked_after_period p ON p.id = e.period_id
                  WHERE e.ended_on IS NULL OR e.ended_on >= :from
            UNION SELECT p.child_id FROM child_plan p WHERE p.ended_on IS NULL OR p.ended_on >= :from
            UNION SELECT c.child_id FROM missing_episode m JOIN care_case c ON c.id = m.case_id WHERE m.ended_on IS NULL OR m.ended_on >= :from
            UNION SELECT c.child_id FROM care_leaver l JOIN care_case c ON c.id = l.case_id
            UNION SELECT c.child_id FROM adoption_milestone a JOIN care_case c ON c.id = a.case_id""";

    private ReturnPeriod() {
    }
}
