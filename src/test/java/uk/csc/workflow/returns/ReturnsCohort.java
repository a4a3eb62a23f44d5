package uk.csc.workflow.returns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Writes a return's facts straight into the case tables, so a test states its cohort row by row. */
final class ReturnsCohort {

    private static final Timestamp RECORDED = Timestamp.from(Instant.parse("2026-04-02T09:00:00Z"));
    private final JdbcTemplate jdbc;
    final List<Long> children = new ArrayList<>();

    ReturnsCohort(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String sql, Object... args) {
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

    long child(LocalDate born, String sex, String ethnicity, String upn) {
        long id = insert("INSERT INTO child (first_name, last_name, date_of_birth, sex, ethnicity, postcode, upn, created_at) "
                + "VALUES ('Returns', ?, ?, ?, ?, 'B23 6AB', ?, ?)", "C" + UUID.randomUUID().toString().substring(0, 8), born, sex,
                ethnicity, upn, RECORDED);
        children.add(id);
        return id;
    }

    long caseOf(long childId, String team, String worker, LocalDate received, LocalDate referral, String source) {
        long caseId = insert("INSERT INTO care_case (case_ref, child_id, team, worker, profile, stage, referral_date, received_on, opened_at) "
                + "VALUES (?, ?, ?, ?, 'WT2010', 'CHILD_IN_NEED', ?, ?, ?)", "RET-" + UUID.randomUUID().toString().substring(0, 12),
                childId, team, worker, referral, received, RECORDED);
        if (received != null) {
            insert("INSERT INTO contact (case_id, received_at, received_on, referral_source, concerns, concern_level, immediate_risk, "
                    + "dv_notification, consent, routed_team, team_overridden, recorded_by, decision) "
                    + "VALUES (?, ?, ?, ?, 'Concerns', 'MEDIUM', FALSE, FALSE, TRUE, ?, FALSE, 'test', ?)", caseId, RECORDED, received,
                    source, team, referral == null ? "NO_FURTHER_ACTION" : "ACCEPT_REFERRAL");
        }
        return caseId;
    }

    void close(long caseId, LocalDate on, String outcome) {
        jdbc.update("UPDATE care_case SET stage = 'CLOSED', outcome = ?, closed_at = ? WHERE id = ?", outcome,
                Timestamp.from(on.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()), caseId);
    }

    void allocate(long caseId, String team, String worker, LocalDate on) {
        insert("INSERT INTO allocation (case_id, team, worker, allocated_by, allocated_at) VALUES (?, ?, ?, 'test', ?)", caseId, team,
                worker, Timestamp.from(on.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    long period(long caseId, LocalDate started, LocalDate ended, String reason) {
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, caseId);
        return insert("INSERT INTO looked_after_period (case_id, child_id, started_on, ended_on, reason_ceased, started_by) "
                + "VALUES (?, ?, ?, ?, ?, 'test')", caseId, childId, started, ended, reason);
    }

    void episode(long periodId, long caseId, LocalDate started, String rne, String ls, String place, String provider,
                 LocalDate ended, String rec) {
        insert("INSERT INTO looked_after_episode (period_id, case_id, started_on, reason_new_episode, legal_status, placement_type, "
                + "placement_provider, ended_on, reason_ceased, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)",
                periodId, caseId, started, rne, ls, place, provider, ended, rec, RECORDED);
    }

    void review(long periodId, long caseId, int number, LocalDate heldOn, String participation) {
        insert("INSERT INTO looked_after_review (period_id, case_id, sequence_number, rule, counted_from, due_on, held_on, participation) "
                + "VALUES (?, ?, ?, 'LAC_REVIEW_NEXT', ?, ?, ?, ?)", periodId, caseId, number, heldOn.minusMonths(1), heldOn, heldOn,
                participation);
    }

    long assessment(long caseId, String kind, LocalDate started, LocalDate authorised, String need, String... factors) {
        long id = insert("INSERT INTO assessment (case_id, kind, started_on, due_on, completed_on, authorised_on, category_of_need, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'CHILD_IN_NEED_PLAN')", caseId, kind, started, started.plusDays(30), authorised, authorised,
                need);
        for (String factor : factors) {
            jdbc.update("INSERT INTO assessment_factor (assessment_id, code) VALUES (?, ?)", id, factor);
        }
        return id;
    }

    void enquiry(long caseId, LocalDate strategy, LocalDate concluded, LocalDate conference, String outcome) {
        insert("INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision, s47_concluded_on, "
                + "s47_outcome, conference_held_on, conference_outcome, category_of_abuse, recorded_by) "
                + "VALUES (?, ?, 'Police', 'START_S47', ?, 'CONCERNS_SUBSTANTIATED', ?, ?, 'NEG', 'test')", caseId, strategy, concluded,
                conference, outcome);
    }

    long plan(String kind, long caseId, String source, LocalDate start, LocalDate end, String category, Integer number, String closure) {
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, caseId);
        return insert("INSERT INTO child_plan (kind, case_id, child_id, source, started_on, ended_on, category, plan_number, closure_reason, "
                + "started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)", kind, caseId, childId, source, start, end,
                category, number, closure, RECORDED);
    }

    void planReview(long planId, long caseId, int number, LocalDate done) {
        insert("INSERT INTO plan_item (plan_id, case_id, kind, number, rule, occurrence, counted_from, due_on, done_on) "
                + "VALUES (?, ?, 'REVIEW', ?, 'CP_REVIEW_FIRST', ?, ?, ?, ?)", planId, caseId, number, "r" + number, done.minusMonths(3),
                done, done);
    }

    void categoryChange(long planId, LocalDate on, String from, String to) {
        insert("INSERT INTO cp_category_change (plan_id, changed_on, from_category, to_category, changed_by) VALUES (?, ?, ?, ?, 'test')",
                planId, on, from, to);
    }

    /** A legal route from a panel request, its letter offering a family group decision-making meeting, held on {@code heldOn}. */
    void familyGroupMeeting(long caseId, LocalDate letterOn, LocalDate heldOn) {
        long request = insert("INSERT INTO panel_request (case_id, source, status, requested_by, requested_at) "
                + "VALUES (?, 'TEAM_MANAGER', 'DECIDED', 'test', ?)", caseId, RECORDED);
        insert("INSERT INTO pre_proceedings (case_id, request_id, route, started_on, letter_sent_on, fgdm_offered, fgdm_offered_on, "
                + "fgdm_accepted, fgdm_answered_on, fgdm_held_on, fgdm_outcome, created_at, updated_at) "
                + "VALUES (?, ?, 'PRE_PROCEEDINGS', ?, ?, TRUE, ?, TRUE, ?, ?, 'FAMILY_PLAN_AGREED', ?, ?)",
                caseId, request, letterOn, letterOn, letterOn, letterOn, heldOn, RECORDED, RECORDED);
    }

    void legalStep(long caseId, String step, LocalDate on, String outcome) {
        insert("INSERT INTO legal_step (case_id, step, done_on, outcome, recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'test', ?)",
                caseId, step, on, outcome, RECORDED);
    }
}
