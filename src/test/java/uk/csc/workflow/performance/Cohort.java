package uk.csc.workflow.performance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Builds case records directly in the tables, so an indicator test states its cohort row by row. */
final class Cohort {

    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-04-02T09:00:00Z"));
    private final JdbcTemplate jdbc;

    Cohort(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private long insert(String sql, Object... args) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : args[i]);
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    long child(LocalDate born) {
        return insert("INSERT INTO child (first_name, last_name, date_of_birth, sex, ethnicity, postcode, created_at) "
                + "VALUES (?, 'Cohort', ?, 'U', 'NOBT', 'B23 6AB', ?)", "C" + UUID.randomUUID().toString().substring(0, 8), born, NOW);
    }

    long caseFor(long childId, String team, String worker, LocalDate referralDate, boolean reReferral) {
        String ref = "TST-" + UUID.randomUUID().toString().substring(0, 12);
        return insert("INSERT INTO care_case (case_ref, child_id, team, worker, profile, stage, re_referral, referral_date, opened_at) "
                + "VALUES (?, ?, ?, ?, 'WT2010', 'CHILD_IN_NEED', ?, ?, ?)", ref, childId, team, worker, reReferral, referralDate, NOW);
    }

    long newCase(String team, String worker, LocalDate referralDate, boolean reReferral) {
        return caseFor(child(LocalDate.parse("2015-01-01")), team, worker, referralDate, reReferral);
    }

    void assessment(long caseId, String kind, LocalDate dueOn, LocalDate authorisedOn) {
        insert("INSERT INTO assessment (case_id, kind, started_on, due_on, authorised_on, outcome) VALUES (?, ?, ?, ?, ?, 'CLOSE')",
                caseId, kind, dueOn.minusDays(10), dueOn, authorisedOn);
    }

    long period(long caseId, LocalDate started, LocalDate ended) {
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, caseId);
        return insert("INSERT INTO looked_after_period (case_id, child_id, started_on, ended_on, started_by) VALUES (?, ?, ?, ?, 'test')",
                caseId, childId, started, ended);
    }

    void episode(long periodId, long caseId, LocalDate started, LocalDate ended, String reason, String placementType) {
        insert("INSERT INTO looked_after_episode (period_id, case_id, started_on, reason_new_episode, legal_status, placement_type, "
                + "placement_provider, ended_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'C2', ?, 'PR1', ?, 'test', ?)",
                periodId, caseId, started, reason, placementType, ended, NOW);
    }

    void review(long periodId, long caseId, int number, String rule, LocalDate dueOn, LocalDate heldOn, String participation) {
        insert("INSERT INTO looked_after_review (period_id, case_id, sequence_number, rule, counted_from, due_on, held_on, participation, late) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", periodId, caseId, number, rule, dueOn.minusMonths(1), dueOn, heldOn,
                participation, heldOn != null && heldOn.isAfter(dueOn));
    }

    void cpReview(long caseId, LocalDate dueOn, LocalDate heldOn) {
        insert("INSERT INTO cp_review (case_id, rule, due_on, held_on, recorded_by, recorded_at) VALUES (?, 'CP_REVIEW_NEXT', ?, ?, 'test', ?)",
                caseId, dueOn, heldOn, NOW);
    }

    /** An initial conference that decided a plan, and the plan it started (numbered per child, as the plans service numbers it). */
    void cpPlan(long caseId, LocalDate conferenceOn) {
        insert("INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision, "
                + "conference_held_on, conference_outcome, category_of_abuse, recorded_by) "
                + "VALUES (?, ?, 'Police', 'START_S47', ?, 'CP_PLAN', 'NEG', 'test')", caseId, conferenceOn.minusDays(20), conferenceOn);
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, caseId);
        int number = 1 + jdbc.queryForObject("SELECT COUNT(*) FROM child_plan WHERE child_id = ? AND kind = 'CP'", Integer.class, childId);
        insert("INSERT INTO child_plan (kind, case_id, child_id, source, started_on, category, plan_number, started_by, started_at) "
                + "VALUES ('CP', ?, ?, 'INITIAL_CONFERENCE', ?, 'NEG', ?, 'test', ?)", caseId, childId, conferenceOn, number, NOW);
    }

    void careLeaver(long caseId, LocalDate nineteenth, String accommodation) {
        insert("INSERT INTO care_leaver (case_id, nineteenth_birthday, accommodation, recorded_by, recorded_at) VALUES (?, ?, ?, 'test', ?)",
                caseId, nineteenth, accommodation, NOW);
    }

    void absence(long caseId, LocalDate termEnds, int days) {
        insert("INSERT INTO school_absence (case_id, term_ends_on, days_absent, recorded_by, recorded_at) VALUES (?, ?, ?, 'test', ?)",
                caseId, termEnds, days, NOW);
    }
}
