package uk.csc.workflow.panel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileCodes.ChronologyKind;
import uk.csc.workflow.casefile.CaseRemit;
import uk.csc.workflow.casefile.ChronologyEntry;
import uk.csc.workflow.casefile.ChronologySource;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The panel in the chronology (requests, decisions and their corrections, placements, the legal
 * route's steps, the first care records), and the panel chair's remit: the cases that came to the panel.
 */
@Component
class PanelChronology implements ChronologySource, CaseRemit {

    private final JdbcClient jdbc;

    PanelChronology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String role() {
        return Groups.PANEL_CHAIR;
    }

    @Override
    public boolean covers(long caseId) {
        return jdbc.sql("SELECT count(*) FROM panel_request WHERE case_id = :c").param("c", caseId).query(Long.class).single() > 0;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        List<ChronologyEntry> entries = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return entries;
        }
        jdbc.sql("""
                SELECT r.*, s.sitting_on FROM panel_request r LEFT JOIN panel_sitting s ON s.id = r.sitting_id
                WHERE r.case_id IN (:ids)""").param("ids", caseIds).query((ResultSet rs) -> {
            Instant at = instant(rs, "requested_at");
            String proposal = rs.getString("proposal");
            String emergency = rs.getString("emergency_admission");
            LocalDate sitting = rs.getObject("sitting_on", LocalDate.class);
            StringBuilder summary = new StringBuilder("Request to the Reception into Care panel");
            if (proposal != null) {
                summary.append(": ").append(lower(CodeLabels.label(CodeLabels.PROPOSAL, proposal)));
            } else {
                summary.append(" opened, to be prepared by the team manager");
            }
            if (emergency != null) {
                summary.append("; emergency admission: ").append(lower(CodeLabels.label(CodeLabels.EMERGENCY_ADMISSION, emergency)))
                        .append(" on ").append(rs.getObject("emergency_on", LocalDate.class));
            }
            if (rs.getString("endorsement") != null) {
                summary.append("; service manager's endorsement: ").append(rs.getString("endorsement"));
            }
            if (sitting != null) {
                summary.append("; on the agenda of the sitting of ").append(sitting);
            }
            entries.add(new ChronologyEntry(rs.getLong("case_id"), day(at), at, ChronologyKind.PANEL_REQUEST, summary.toString(),
                    rs.getString("requested_by")));
        });
        jdbc.sql("""
                SELECT r.case_id, d.* FROM panel_decision d JOIN panel_request r ON r.id = d.request_id
                WHERE r.case_id IN (:ids)""").param("ids", caseIds).query((ResultSet rs) -> {
            Instant at = instant(rs, "decided_at");
            String route = rs.getString("legal_route");
            Object supersedes = rs.getObject("supersedes_id");
            String summary = "Panel decision " + rs.getLong("id") + ": "
                    + lower(CodeLabels.label(CodeLabels.PANEL_DECISION, rs.getString("decision")))
                    + (route == null ? "" : " (" + lower(CodeLabels.label(CodeLabels.LEGAL_ROUTE, route)) + ")")
                    + (supersedes == null ? "" : "; corrects decision " + supersedes + ": " + rs.getString("correction_reason"))
                    + ". Reasons: " + rs.getString("reasons");
            entries.add(new ChronologyEntry(rs.getLong("case_id"), day(at), at, ChronologyKind.PANEL_DECISION, summary,
                    rs.getString("decided_by")));
        });
        jdbc.sql("SELECT * FROM placement WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            String approval = rs.getString("approval");
            String summary = (rs.getBoolean("emergency") ? "Emergency placement: " : "Placement: ")
                    + CodeLabels.label(CodeLabels.PLACEMENT_TYPE, rs.getString("placement_type")) + " ("
                    + lower(CodeLabels.label(CodeLabels.PLACEMENT_PROVIDER, rs.getString("provider"))) + "); legal status: "
                    + lower(CodeLabels.label(CodeLabels.LEGAL_STATUS, rs.getString("legal_status")))
                    + ("PENDING".equals(approval) ? "; awaiting the service manager's approval"
                    : "APPROVED".equals(approval) ? "; approved by the service manager"
                    : "REFUSED".equals(approval) ? "; not approved by the service manager" : "");
            entries.add(new ChronologyEntry(rs.getLong("case_id"), rs.getObject("start_on", LocalDate.class), instant(rs, "recorded_at"),
                    ChronologyKind.PLACEMENT, summary, rs.getString("recorded_by")));
        });
        jdbc.sql("SELECT * FROM legal_step WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            String outcome = rs.getString("outcome");
            String words = outcome == null ? null : CodeLabels.hasLabel(CodeLabels.LEGAL_STEP_OUTCOME, outcome)
                    ? CodeLabels.label(CodeLabels.LEGAL_STEP_OUTCOME, outcome) : lower(CodeLabels.label(CodeLabels.FINAL_ORDER, outcome));
            entries.add(new ChronologyEntry(rs.getLong("case_id"), rs.getObject("done_on", LocalDate.class), instant(rs, "recorded_at"),
                    ChronologyKind.LEGAL, CodeLabels.label(CodeLabels.LEGAL_STEP, rs.getString("step")) + (words == null ? "" : ": " + words),
                    rs.getString("recorded_by")));
        });
        jdbc.sql("SELECT * FROM care_record WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            String detail = rs.getString("detail");
            entries.add(new ChronologyEntry(rs.getLong("case_id"), rs.getObject("done_on", LocalDate.class), instant(rs, "recorded_at"),
                    ChronologyKind.CARE_PLANNING, CodeLabels.label(CodeLabels.RULE, rs.getString("kind")) + " done"
                    + (detail == null ? "" : ": plan for permanence " + lower(CodeLabels.label(CodeLabels.PERMANENCE_PLAN, detail))),
                    rs.getString("recorded_by")));
        });
        return entries;
    }

    static String lower(String label) {
        return label == null || label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
