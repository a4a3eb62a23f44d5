package uk.csc.workflow.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-proceedings facts of each legal route the panel started, with the offer of a family
 * group decision-making meeting (Children Act 1989 s31ZA, inserted by the Children's Wellbeing and
 * Schools Act 2026 s1): what the 2026-27 CIN census pre-proceedings block reads. One record per
 * panel request sent to the legal route. The legal route's services write it
 * ({@link LegalProceedings}, {@link PanelDecisions}); the reads here are for other features (the
 * returns), which audit their own use of them.
 */
@Service
@Transactional
public class PreProceedingsRecords {

    /** The facts of one legal route, as the census block asks for them. */
    public record PreProceedings(long caseId, String caseRef, long requestId, String route, LocalDate startedOn,
                                 LocalDate letterSentOn, Boolean fgdmOffered, LocalDate fgdmOfferedOn,
                                 String fgdmNotOfferedReason, Boolean fgdmAccepted, LocalDate fgdmAnsweredOn,
                                 LocalDate fgdmHeldOn, String fgdmOutcome, LocalDate meetingHeldOn, String decision,
                                 LocalDate decidedOn, LocalDate courtApplicationOn) {

        /** Whether s31ZA lets the council apply to court now: the offer was not made (with its reason), refused, or the meeting's outcome (held or not, with its reason) is recorded. */
        public boolean familyGroupDecisionSettled() {
            return Boolean.FALSE.equals(fgdmOffered) || Boolean.FALSE.equals(fgdmAccepted) || fgdmOutcome != null;
        }
    }

    private static final String SELECT = "SELECT p.*, c.case_ref FROM pre_proceedings p JOIN care_case c ON c.id = p.case_id ";

    private final JdbcClient jdbc;
    private final PanelRecords records;

    PreProceedingsRecords(JdbcClient jdbc, PanelRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** Every legal route of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<PreProceedings> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE p.case_id = :c ORDER BY p.id").param("c", caseId).query(PreProceedingsRecords::row).list();
    }

    /**
     * The legal routes open at any time in a period (from and to inclusive): pre-proceedings that
     * started on or before {@code to} and were not decided before {@code from}, and applications
     * issued now in the period. For a census year, its first and last days.
     */
    @Transactional(readOnly = true)
    public List<PreProceedings> openBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + """
                 WHERE (p.route = 'PRE_PROCEEDINGS' AND p.started_on <= :to AND (p.decided_on IS NULL OR p.decided_on >= :from))
                    OR (p.route = 'ISSUE' AND p.court_application_on BETWEEN :from AND :to)
                 ORDER BY p.case_id, p.id""").param("from", from).param("to", to).query(PreProceedingsRecords::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<PreProceedings> ofRequest(long requestId) {
        return jdbc.sql(SELECT + " WHERE p.request_id = :r").param("r", requestId).query(PreProceedingsRecords::row).optional();
    }

    // ---- written by the legal route -------------------------------------------------------------

    /** The chair sent the request to the legal route: pre-proceedings start today, or issue now without an offer (with its reason). */
    void open(long caseId, long requestId, PanelCodes.LegalRoute route, LocalDate decidedOn, String notOfferedReason) {
        boolean issue = route == PanelCodes.LegalRoute.ISSUE;
        jdbc.sql("""
                INSERT INTO pre_proceedings (case_id, request_id, route, started_on, fgdm_offered, fgdm_not_offered_reason,
                                             created_at, updated_at)
                VALUES (:c, :r, :route, :started, :offered, :reason, :at, :at)""")
                .param("c", caseId).param("r", requestId).param("route", route.name()).param("started", issue ? null : decidedOn)
                .param("offered", issue ? Boolean.FALSE : null).param("reason", issue ? notOfferedReason : null)
                .param("at", records.now()).update();
    }

    void legalPlanningMeeting(long requestId, LocalDate heldOn, boolean thresholdMet) {
        update(requestId, "legal_planning_on = :d" + (thresholdMet ? "" : ", decision = 'THRESHOLD_NOT_MET', decided_on = :d"), heldOn, null);
    }

    void letterSent(long requestId, LocalDate sentOn, boolean offered, String notOfferedReason) {
        jdbc.sql("""
                UPDATE pre_proceedings SET letter_sent_on = :d, fgdm_offered = :o, fgdm_offered_on = :on,
                       fgdm_not_offered_reason = :reason, updated_at = :at WHERE request_id = :r""")
                .param("d", sentOn).param("o", offered).param("on", offered ? sentOn : null)
                .param("reason", offered ? null : notOfferedReason).param("at", records.now()).param("r", requireRow(requestId)).update();
    }

    void answered(long requestId, LocalDate answeredOn, boolean accepted) {
        update(requestId, "fgdm_answered_on = :d, fgdm_accepted = :v", answeredOn, accepted);
    }

    void meeting(long requestId, LocalDate heldOn, String outcome, String summary) {
        jdbc.sql("""
                UPDATE pre_proceedings SET fgdm_held_on = :d, fgdm_outcome = :o, fgdm_summary = :s, updated_at = :at
                WHERE request_id = :r""")
                .param("d", heldOn).param("o", outcome).param("s", summary).param("at", records.now())
                .param("r", requireRow(requestId)).update();
    }

    void preProceedingsMeeting(long requestId, LocalDate heldOn, PanelCodes.PreProceedingsOutcome outcome, LocalDate today) {
        jdbc.sql("UPDATE pre_proceedings SET meeting_held_on = :d, decision = :o, decided_on = :t, updated_at = :at WHERE request_id = :r")
                .param("d", heldOn).param("o", outcome.name()).param("t", today).param("at", records.now())
                .param("r", requireRow(requestId)).update();
    }

    void applicationIssued(long requestId, LocalDate issuedOn) {
        update(requestId, "court_application_on = :d", issuedOn, null);
    }

    private void update(long requestId, String set, LocalDate date, Boolean value) {
        var sql = jdbc.sql("UPDATE pre_proceedings SET " + set + ", updated_at = :at WHERE request_id = :r")
                .param("d", date).param("at", records.now()).param("r", requireRow(requestId));
        if (set.contains(":v")) {
            sql = sql.param("v", value);
        }
        sql.update();
    }

    private long requireRow(long requestId) {
        if (ofRequest(requestId).isEmpty()) {
            throw new IllegalStateException("Panel request " + requestId + " has no legal route recorded");
        }
        return requestId;
    }

    private static PreProceedings row(ResultSet rs, int n) throws SQLException {
        return new PreProceedings(rs.getLong("case_id"), rs.getString("case_ref"), rs.getLong("request_id"), rs.getString("route"),
                date(rs, "started_on"), date(rs, "letter_sent_on"), bool(rs, "fgdm_offered"), date(rs, "fgdm_offered_on"),
                rs.getString("fgdm_not_offered_reason"), bool(rs, "fgdm_accepted"), date(rs, "fgdm_answered_on"),
                date(rs, "fgdm_held_on"), rs.getString("fgdm_outcome"), date(rs, "meeting_held_on"), rs.getString("decision"),
                date(rs, "decided_on"), date(rs, "court_application_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        var d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
