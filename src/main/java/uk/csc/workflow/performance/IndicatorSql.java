package uk.csc.workflow.performance;

import java.util.Map;

/**
 * The cohort of each indicator as SQL over the case tables, portable between PostgreSQL and H2.
 * Every cohort answers one row per item in the denominator with the columns {@code case_id},
 * {@code case_ref}, {@code team}, {@code worker}, {@code event_on} and {@code met} (1 when in the
 * numerator). Parameters: {@code :from}, {@code :to} (the period, inclusive) and {@code :yearBefore}
 * (the day a year before {@code :to}, for 12-month rules). Every row has its case (the foreign keys
 * are NOT NULL), so the case is LEFT JOINed: PostgreSQL then drops the join where a figure needs
 * none of the case's columns (the city level), instead of probing the city's whole history of
 * cases once per row (bench/P3.md).
 */
final class IndicatorSql {

    private IndicatorSql() {
    }

    private static String assessment(String kind) {
        return """
                SELECT c.id AS case_id, c.case_ref, c.team, c.worker, a.authorised_on AS event_on,
                       CASE WHEN a.authorised_on <= a.due_on THEN 1 ELSE 0 END AS met
                FROM assessment a LEFT JOIN care_case c ON c.id = a.case_id
                WHERE a.kind = '%s' AND a.authorised_on BETWEEN :from AND :to""".formatted(kind);
    }

    static final Map<Indicator, String> COHORTS = Map.ofEntries(
            Map.entry(Indicator.NI59, assessment("INITIAL")),
            Map.entry(Indicator.NI60, assessment("CORE")),
            Map.entry(Indicator.SA45, assessment("SINGLE")),
            // Looked after for 20 working days in the period: the first review falls due (20 working
            // days after the start) before the period ends and before care ended.
            Map.entry(Indicator.NI66, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, first_review.due_on AS event_on,
                           CASE WHEN NOT EXISTS (
                               SELECT 1 FROM looked_after_review r
                               WHERE r.period_id = p.id AND r.due_on BETWEEN :from AND :to AND r.cancelled_on IS NULL
                                 AND (r.held_on > r.due_on OR (r.held_on IS NULL AND r.due_on < :to))) THEN 1 ELSE 0 END AS met
                    FROM looked_after_period p
                    LEFT JOIN care_case c ON c.id = p.case_id
                    JOIN looked_after_review first_review ON first_review.period_id = p.id
                         AND first_review.rule = 'LAC_REVIEW_FIRST'
                    WHERE first_review.due_on <= :to AND (p.ended_on IS NULL OR p.ended_on >= first_review.due_on)
                      AND (p.ended_on IS NULL OR p.ended_on >= :from)"""),
            // Reviews held in the period for children aged 4 or more (PN0 is only for the under-4s).
            Map.entry(Indicator.C63, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, r.held_on AS event_on,
                           CASE WHEN r.participation IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6') THEN 1 ELSE 0 END AS met
                    FROM looked_after_review r LEFT JOIN care_case c ON c.id = r.case_id
                    WHERE r.held_on BETWEEN :from AND :to AND r.participation IS NOT NULL AND r.participation <> 'PN0'"""),
            // Review conferences due in the period: those the engine ran (a plan's reviews, each due 3
            // months after the conference and then 6 months after the previous one was held), held or
            // overdue by today, not cancelled by the plan's end; and the imported history of reviews
            // held before the engine ran plans (POST /api/cases/{ref}/cp-reviews).
            Map.entry(Indicator.NI67, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, r.due_on AS event_on,
                           CASE WHEN r.done_on IS NOT NULL AND r.done_on <= r.due_on THEN 1 ELSE 0 END AS met
                    FROM plan_item r JOIN child_plan p ON p.id = r.plan_id LEFT JOIN care_case c ON c.id = r.case_id
                    WHERE p.kind = 'CP' AND r.kind = 'REVIEW' AND r.due_on BETWEEN :from AND :to AND r.cancelled_on IS NULL
                      AND (r.done_on IS NOT NULL OR r.due_on < :today)
                    UNION ALL
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, r.due_on AS event_on,
                           CASE WHEN r.held_on IS NOT NULL AND r.held_on <= r.due_on THEN 1 ELSE 0 END AS met
                    FROM cp_review r LEFT JOIN care_case c ON c.id = r.case_id
                    WHERE r.due_on BETWEEN :from AND :to"""),
            Map.entry(Indicator.NI68, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, c.referral_date AS event_on,
                           CASE WHEN EXISTS (SELECT 1 FROM assessment a WHERE a.case_id = c.id AND a.kind IN ('INITIAL', 'SINGLE'))
                                THEN 1 ELSE 0 END AS met
                    FROM care_case c WHERE c.referral_date BETWEEN :from AND :to"""),
            Map.entry(Indicator.NI147, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, l.nineteenth_birthday AS event_on,
                           CASE WHEN l.accommodation LIKE '_1' THEN 1 ELSE 0 END AS met
                    FROM care_leaver l LEFT JOIN care_case c ON c.id = l.case_id
                    WHERE l.nineteenth_birthday BETWEEN :from AND :to"""),
            // In care continuously for 12 months at the end of the period; absent more than 25 days in it.
            Map.entry(Indicator.ABSENCE, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, p.started_on AS event_on,
                           CASE WHEN (SELECT COALESCE(SUM(s.days_absent), 0) FROM school_absence s
                                      WHERE s.case_id = p.case_id AND s.term_ends_on BETWEEN :from AND :to) > 25 THEN 1 ELSE 0 END AS met
                    FROM looked_after_period p LEFT JOIN care_case c ON c.id = p.case_id
                    WHERE p.started_on <= :yearBefore AND (p.ended_on IS NULL OR p.ended_on > :to)"""),
            // A snapshot on the last day of the period.
            Map.entry(Indicator.FOSTERED, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, e.started_on AS event_on,
                           CASE WHEN e.placement_type IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') THEN 1 ELSE 0 END AS met
                    FROM looked_after_episode e LEFT JOIN care_case c ON c.id = e.case_id
                    WHERE e.started_on <= :to AND (e.ended_on IS NULL OR e.ended_on > :to)"""),
            Map.entry(Indicator.REREFERRAL, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, c.referral_date AS event_on,
                           CASE WHEN c.re_referral THEN 1 ELSE 0 END AS met
                    FROM care_case c WHERE c.referral_date BETWEEN :from AND :to"""),
            // Child protection plans started in the period (by an initial or transfer-in conference, or
            // imported); second or later when the child had a plan before (here, or elsewhere before a transfer-in).
            Map.entry(Indicator.NI65, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, p.started_on AS event_on,
                           CASE WHEN p.plan_number > 1 THEN 1 ELSE 0 END AS met
                    FROM child_plan p LEFT JOIN care_case c ON c.id = p.case_id
                    WHERE p.kind = 'CP' AND p.started_on BETWEEN :from AND :to"""),
            // Looked after on the last day of the period, with 3 or more placements in the year to it.
            Map.entry(Indicator.NI62, """
                    SELECT c.id AS case_id, c.case_ref, c.team, c.worker, p.started_on AS event_on,
                           CASE WHEN (SELECT COUNT(*) FROM looked_after_episode e
                                      WHERE e.period_id = p.id AND e.started_on > :yearBefore AND e.started_on <= :to
                                        AND e.reason_new_episode IN ('S', 'P', 'B', 'T', 'U')) >= 3 THEN 1 ELSE 0 END AS met
                    FROM looked_after_period p LEFT JOIN care_case c ON c.id = p.case_id
                    WHERE p.started_on <= :to AND (p.ended_on IS NULL OR p.ended_on > :to)"""));
}
