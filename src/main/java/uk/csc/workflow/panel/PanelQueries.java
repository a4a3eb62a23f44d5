package uk.csc.workflow.panel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.TimeSource;

/** Read models of the panel: the next sitting's agenda and a case's panel history. */
@Component
public class PanelQueries {

    private final JdbcClient jdbc;
    private final PanelSittings sittings;
    private final TimeSource time;

    PanelQueries(JdbcClient jdbc, PanelSittings sittings, TimeSource time) {
        this.jdbc = jdbc;
        this.sittings = sittings;
        this.time = time;
    }

    public record AgendaItem(long requestId, String caseRef, String team, String proposal, String emergencyAdmission,
                             LocalDate emergencyOn, Instant requestedAt, String requestedBy) {
    }

    public record Agenda(LocalDate sittingOn, List<AgendaItem> requests) {
    }

    /**
     * The agenda of the sitting a request made now would go to: the requests awaiting it (and any
     * earlier sitting still to decide) that the user may see (their teams', or all for the panel).
     */
    public Agenda nextSitting(CurrentUser user) {
        LocalDate next = sittings.sittingFor(time.now());
        List<AgendaItem> items = jdbc.sql("""
                SELECT r.id, c.case_ref, c.team, r.proposal, r.emergency_admission, r.emergency_on, r.requested_at, r.requested_by
                FROM panel_request r JOIN care_case c ON c.id = r.case_id JOIN panel_sitting s ON s.id = r.sitting_id
                WHERE r.status = 'AWAITING_SITTING' AND s.sitting_on <= :next ORDER BY r.emergency_admission NULLS LAST, r.id""")
                .param("next", next)
                .query((rs, n) -> new AgendaItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), instant(rs.getTimestamp(7)), rs.getString(8)))
                .list().stream().filter(i -> user.maySeeTeam(i.team())).toList();
        return new Agenda(next, items);
    }

    public record DecisionEntry(long decisionId, LocalDate sittingOn, String decision, String legalRoute, LocalDate supportReviewOn,
                                String reasons, String decidedBy, Instant decidedAt, Long supersedes, String correctionReason,
                                String informationNeeded) {
    }

    public record RequestEntry(long requestId, String proposal, String emergencyAdmission, String status, Instant requestedAt,
                               List<DecisionEntry> decisions) {
    }

    public List<RequestEntry> history(long caseId) {
        return jdbc.sql("SELECT id, proposal, emergency_admission, status, requested_at FROM panel_request WHERE case_id = :c ORDER BY id")
                .param("c", caseId)
                .query((rs, n) -> new RequestEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), decisions(rs.getLong(1))))
                .list();
    }

    /**
     * What the panel chair decides on: the team manager's request (reason, proposal, risks,
     * family options, any emergency admission), the endorsement, and the decisions already made on it.
     */
    public record RequestContext(long requestId, String source, String status, String requestReason, Coded proposal,
                                 String riskSummary, String familyOptions, Coded emergencyAdmission, LocalDate emergencyOn,
                                 String endorsedBy, String endorsement, LocalDate sittingOn, String requestedBy,
                                 Instant requestedAt, List<DecisionEntry> earlierDecisions) {
    }

    public RequestContext requestContext(long requestId) {
        return jdbc.sql("""
                SELECT r.*, s.sitting_on FROM panel_request r LEFT JOIN panel_sitting s ON s.id = r.sitting_id WHERE r.id = :id""")
                .param("id", requestId)
                .query((rs, n) -> new RequestContext(requestId, rs.getString("source"), rs.getString("status"),
                        rs.getString("request_reason"), CodeLabels.coded(CodeLabels.PROPOSAL, rs.getString("proposal")),
                        rs.getString("risk_summary"), rs.getString("family_options"),
                        CodeLabels.coded(CodeLabels.EMERGENCY_ADMISSION, rs.getString("emergency_admission")),
                        rs.getObject("emergency_on", LocalDate.class), rs.getString("endorsed_by"), rs.getString("endorsement"),
                        rs.getObject("sitting_on", LocalDate.class), rs.getString("requested_by"),
                        instant(rs.getTimestamp("requested_at")), decisions(requestId)))
                .optional().orElseThrow(() -> new uk.csc.workflow.platform.web.NotFoundException("No panel request " + requestId));
    }

    private List<DecisionEntry> decisions(long requestId) {
        return jdbc.sql("""
                SELECT d.id, s.sitting_on, d.decision, d.legal_route, d.support_review_on, d.reasons, d.decided_by, d.decided_at,
                       d.supersedes_id, d.correction_reason, d.information_needed
                FROM panel_decision d LEFT JOIN panel_sitting s ON s.id = d.sitting_id WHERE d.request_id = :r ORDER BY d.id""")
                .param("r", requestId)
                .query((rs, n) -> new DecisionEntry(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
                        (Long) rs.getObject(9, Long.class), rs.getString(10), rs.getString(11)))
                .list();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
