package uk.csc.workflow.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.returns.ReturnFacts.ChildFacts;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Reads the facts of the returns from the case tables in a fixed number of queries (one per table,
 * never one per child), so a city-sized history takes seconds. Only the children a return of the
 * period can name are read ({@link ReturnPeriod#CHILDREN_OF_THE_PERIOD}), each with everything held about
 * them. Those children, and then their cases, are found once and handed to every other query as an
 * array of ids, so each table is probed by its child or case index rather than joined whole to a
 * subquery: ten years of history cost about what one does (bench/P3.md). Read-only; the returns' own
 * validation reports what the data breaks rather than the reader refusing it.
 */
@Repository
@Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
class ReturnFactsRepository {

    /** A case as read, before its first contact is known. */
    private record CaseRow(long id, String caseRef, long childId, String team, String worker, LocalDate receivedOn,
                           LocalDate referralDate, String stage, String outcome, LocalDate closedOn) {
    }

    /** A case with no contact: no referral source, no decision. */
    private static final String[] NO_CONTACT = new String[2];

    private final JdbcClient jdbc;

    ReturnFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The children of the period ({@link ReturnPeriod}), with everything held about them; the returns pick what falls in it. */
    ReturnFacts load(LocalDate from, LocalDate to) {
        ReturnFacts.Builder b = new ReturnFacts.Builder();
        Map<String, Object> period = Map.of("from", from, "dayBefore", from.minusDays(1));
        SqlArrayValue children = ids(jdbc.sql(ReturnPeriod.CHILDREN_OF_THE_PERIOD).params(period).query(Long.class).list());
        Map<Long, List<String>> disabilities = new HashMap<>();
        jdbc.sql("SELECT child_id, code FROM child_disability WHERE child_id = ANY(:children) ORDER BY child_id, code")
                .param("children", children)
                .query(rs -> {
                    disabilities.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        // All of their cases, so a return sees each child's whole history.
        Map<Long, Long> childOfCase = new HashMap<>();
        List<CaseRow> caseRows = new ArrayList<>();
        jdbc.sql("""
                SELECT c.id, c.case_ref, c.child_id, c.team, c.worker, c.received_on, c.referral_date, c.stage, c.outcome, c.closed_at
                FROM care_case c WHERE c.child_id = ANY(:children)""")
                .param("children", children)
                .query(rs -> {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    childOfCase.put(rs.getLong("id"), rs.getLong("child_id"));
                    caseRows.add(new CaseRow(rs.getLong("id"), rs.getString("case_ref"), rs.getLong("child_id"), rs.getString("team"),
                            rs.getString("worker"), date(rs, "received_on"), date(rs, "referral_date"), rs.getString("stage"),
                            rs.getString("outcome"),
                            closed == null ? null : closed.toInstant().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate()));
                });
        SqlArrayValue cases = ids(childOfCase.keySet());
        // Per case, the source of its first contact and its decision, in one pass over those cases' contacts.
        Map<Long, String[]> firstContact = new HashMap<>();
        jdbc.sql("""
                SELECT case_id, MIN(CASE WHEN received_on = first_on THEN referral_source END) AS referral_source,
                       MIN(decision) AS decision
                FROM (SELECT case_id, referral_source, decision, received_on, MIN(received_on) OVER (PARTITION BY case_id) AS first_on
                      FROM contact WHERE case_id = ANY(:cases)) t
                GROUP BY case_id""")
                .param("cases", cases)
                .query(rs -> {
                    firstContact.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        for (CaseRow c : caseRows) {
            String[] contact = firstContact.getOrDefault(c.id(), NO_CONTACT);
            b.of(c.childId()).cases.add(new ReturnFacts.Case(c.id(), c.caseRef(), c.childId(), c.team(), c.worker(), c.receivedOn(),
                    c.referralDate(), contact[0], contact[1], c.stage(), c.outcome(), c.closedOn()));
        }
        // A child is read with its cases: those of the period that have one.
        jdbc.sql("""
                SELECT id, sex, date_of_birth, expected_birth, ethnicity, upn, upn_unknown, uasc, uasc_ceased_on, mother, mother_child_dob
                FROM child WHERE id = ANY(:children)""")
                .param("children", ids(new HashSet<>(childOfCase.values())))
                .query(rs -> {
                    long id = rs.getLong("id");
                    b.of(id).child = new ReturnFacts.Child(id, rs.getString("sex"), date(rs, "date_of_birth"),
                            date(rs, "expected_birth"), rs.getString("ethnicity"), rs.getString("upn"), rs.getString("upn_unknown"),
                            rs.getBoolean("uasc"), date(rs, "uasc_ceased_on"), (Boolean) rs.getObject("mother"),
                            date(rs, "mother_child_dob"), disabilities.getOrDefault(id, List.of()));
                });
        jdbc.sql("""
                SELECT e.id, e.period_id, e.case_id, p.child_id, e.started_on, e.reason_new_episode, e.legal_status, e.placement_type,
                       e.placement_provider, e.ended_on, e.reason_ceased
                FROM looked_after_episode e JOIN looked_after_period p ON p.id = e.period_id
                WHERE p.child_id = ANY(:children)""")
                .param("children", children)
                .query(rs -> {
                    b.of(rs.getLong("child_id")).episodes.add(new ReturnFacts.Episode(rs.getLong("id"), rs.getLong("period_id"),
                            rs.getLong("case_id"), date(rs, "started_on"), rs.getString("reason_new_episode"), rs.getString("legal_status"),
                            rs.getString("placement_type"), rs.getString("placement_provider"), date(rs, "ended_on"),
                            rs.getString("reason_ceased")));
                });
        jdbc.sql("""
                SELECT r.case_id, r.period_id, p.child_id, r.held_on, r.participation
                FROM looked_after_review r JOIN looked_after_period p ON p.id = r.period_id WHERE r.held_on IS NOT NULL
                  AND p.child_id = ANY(:children)""")
                .param("children", children)
                .query(rs -> {
                    b.of(rs.getLong("child_id")).reviews.add(new ReturnFacts.Review(rs.getLong("case_id"), rs.getLong("period_id"),
                            date(rs, "held_on"), rs.getString("participation")));
                });
        Map<Long, List<String>> factors = new HashMap<>();
        jdbc.sql("SELECT f.assessment_id, f.code FROM assessment_factor f JOIN assessment a ON a.id = f.assessment_id "
                        + "WHERE a.case_id = ANY(:cases) ORDER BY f.assessment_id, f.code")
                .param("cases", cases)
                .query(rs -> {
                    factors.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        jdbc.sql("SELECT id, case_id, kind, started_on, completed_on, authorised_on, category_of_need FROM assessment "
                        + "WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).assessments.add(new ReturnFacts.Assessment(rs.getLong("id"), rs.getLong("case_id"),
                                rs.getString("kind"), date(rs, "started_on"), date(rs, "completed_on"), date(rs, "authorised_on"),
                                rs.getString("category_of_need"), factors.getOrDefault(rs.getLong("id"), List.of())));
                    }
                });
        jdbc.sql("""
                SELECT id, case_id, strategy_held_on, strategy_decision, s47_concluded_on, s47_outcome, conference_held_on,
                       conference_outcome FROM child_protection_enquiry WHERE case_id = ANY(:cases)""")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).enquiries.add(new ReturnFacts.Enquiry(rs.getLong("id"), rs.getLong("case_id"),
                                date(rs, "strategy_held_on"), rs.getString("strategy_decision"), date(rs, "s47_concluded_on"),
                                rs.getString("s47_outcome"), date(rs, "conference_held_on"), rs.getString("conference_outcome")));
                    }
                });
        Map<Long, List<LocalDate>> planReviews = new HashMap<>();
        jdbc.sql("""
                SELECT plan_id, done_on FROM plan_item WHERE kind = 'REVIEW' AND done_on IS NOT NULL AND case_id = ANY(:cases)
                ORDER BY plan_id, done_on""")
                .param("cases", cases)
                .query(rs -> {
                    planReviews.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(date(rs, "done_on"));
                });
        jdbc.sql("""
                SELECT p.id, p.kind, p.source, p.case_id, p.child_id, p.started_on, p.ended_on, p.category, p.plan_number, p.previous_plans_elsewhere,
                       p.closure_reason,
                       (SELECT MIN(ch.from_category) FROM cp_category_change ch WHERE ch.plan_id = p.id
                          AND ch.changed_on = (SELECT MIN(c2.changed_on) FROM cp_category_change c2 WHERE c2.plan_id = p.id)) AS initial_category
                FROM child_plan p WHERE p.child_id = ANY(:children)""")
                .param("children", children)
                .query(rs -> {
                    String latest = rs.getString("category");
                    String initial = rs.getString("initial_category");
                    b.of(rs.getLong("child_id")).plans.add(new ReturnFacts.Plan(rs.getLong("id"), rs.getString("kind"), rs.getString("source"),
                            rs.getLong("case_id"), date(rs, "started_on"), date(rs, "ended_on"), initial == null ? latest : initial, latest,
                            rs.getInt("plan_number"), rs.getInt("previous_plans_elsewhere"), rs.getString("closure_reason"),
                            planReviews.getOrDefault(rs.getLong("id"), List.of())));
                });
        jdbc.sql("SELECT case_id, team, worker, allocated_at FROM allocation WHERE case_id = ANY(:cases) ORDER BY allocated_at, id")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).allocations.add(new ReturnFacts.Allocation(rs.getLong("case_id"), rs.getString("team"),
                                rs.getString("worker"), rs.getTimestamp("allocated_at").toInstant()
                                .atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate()));
                    }
                });
        jdbc.sql("SELECT case_id, kind, started_on, ended_on FROM missing_episode WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).missing.add(new ReturnFacts.Missing(rs.getLong("case_id"), rs.getString("kind"),
                                date(rs, "started_on"), date(rs, "ended_on")));
                    }
                });
        jdbc.sql("SELECT case_id, prev_perm, la_perm, date_perm FROM previous_permanence WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).previousPermanence.add(new ReturnFacts.PreviousPermanence(rs.getLong("case_id"),
                                rs.getString("prev_perm"), rs.getString("la_perm"), date(rs, "date_perm")));
                    }
                });
        jdbc.sql("""
                SELECT case_id, decided_on, matched_on, foster_care, adopters_number, adopters_sex, adopters_legal_status,
                       no_longer_on, no_longer_reason FROM adoption_milestone WHERE case_id = ANY(:cases)""")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).adoptions.add(new ReturnFacts.Adoption(rs.getLong("case_id"), date(rs, "decided_on"),
                                date(rs, "matched_on"), (Boolean) rs.getObject("foster_care"), (Integer) rs.getObject("adopters_number"),
                                rs.getString("adopters_sex"), rs.getString("adopters_legal_status"), date(rs, "no_longer_on"),
                                rs.getString("no_longer_reason")));
                    }
                });
        jdbc.sql("""
                SELECT case_id, year_start, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check,
                       health_assessment, substance_misuse, intervention_received, intervention_offered FROM looked_after_outcome
                WHERE case_id = ANY(:cases)""")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).outcomes.add(new ReturnFacts.Outcome(rs.getLong("case_id"), rs.getInt("year_start"),
                                (Integer) rs.getObject("sdq_score"), rs.getString("sdq_reason"), bool(rs, "convicted"),
                                bool(rs, "health_check"), bool(rs, "immunisations"), bool(rs, "teeth_check"),
                                bool(rs, "health_assessment"), bool(rs, "substance_misuse"), bool(rs, "intervention_received"),
                                bool(rs, "intervention_offered")));
                    }
                });
        jdbc.sql("SELECT case_id, nineteenth_birthday, accommodation, in_touch, activity FROM care_leaver WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).careLeavers.add(new ReturnFacts.CareLeaver(rs.getLong("case_id"), date(rs, "nineteenth_birthday"),
                                rs.getString("accommodation"), rs.getString("in_touch"), rs.getString("activity")));
                    }
                });
        jdbc.sql("SELECT case_id, step, done_on, outcome FROM legal_step WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        b.of(childId).legalSteps.add(new ReturnFacts.LegalStep(rs.getLong("case_id"), rs.getString("step"),
                                date(rs, "done_on"), rs.getString("outcome")));
                    }
                });
        jdbc.sql("SELECT case_id, started_on, letter_sent_on, fgdm_offered, fgdm_held_on FROM pre_proceedings WHERE case_id = ANY(:cases)")
                .param("cases", cases)
                .query(rs -> {
                    Long childId = childOfCase.get(rs.getLong("case_id"));
                    if (childId != null) {
                        LocalDate started = date(rs, "started_on");
                        b.of(childId).familyGroupMeetings.add(new ReturnFacts.FamilyGroupMeeting(rs.getLong("case_id"),
                                started != null ? started : date(rs, "letter_sent_on"), (Boolean) rs.getObject("fgdm_offered"),
                                date(rs, "fgdm_held_on")));
                    }
                });
        return b.build(from, to);
    }

    /** Ids as one array parameter: a city's period has tens of thousands, past the driver's limit of bound values. */
    private static SqlArrayValue ids(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.stream().sorted().toArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
