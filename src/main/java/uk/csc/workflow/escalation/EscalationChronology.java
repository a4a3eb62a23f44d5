package uk.csc.workflow.escalation;

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
import uk.csc.workflow.casefile.ChronologyEntry;
import uk.csc.workflow.casefile.ChronologySource;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** Escalations in the chronology: each breach escalated, acknowledged and resolved (reminders are not escalations). */
@Component
class EscalationChronology implements ChronologySource {

    private final JdbcClient jdbc;

    EscalationChronology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        List<ChronologyEntry> entries = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return entries;
        }
        jdbc.sql("SELECT * FROM escalation WHERE case_id IN (:ids) AND level <> 'REMINDER'").param("ids", caseIds)
                .query((ResultSet rs) -> {
                    long caseId = rs.getLong("case_id");
                    String rule = CodeLabels.label(CodeLabels.RULE, rs.getString("rule"));
                    String level = CodeLabels.label(CodeLabels.ESCALATION_LEVEL, rs.getString("level"));
                    Instant raised = instant(rs, "raised_at");
                    entries.add(new ChronologyEntry(caseId, day(raised), raised, ChronologyKind.ESCALATION, level + ": "
                            + lower(rule) + " was due by " + rs.getObject("due_on", LocalDate.class) + " and is not done", "system"));
                    Instant acknowledged = instant(rs, "acknowledged_at");
                    if (acknowledged != null) {
                        entries.add(new ChronologyEntry(caseId, day(acknowledged), acknowledged, ChronologyKind.ESCALATION,
                                "Escalation of the " + lower(rule) + " acknowledged", rs.getString("acknowledged_by")));
                    }
                    Instant resolved = instant(rs, "resolved_at");
                    if (resolved != null) {
                        entries.add(new ChronologyEntry(caseId, day(resolved), resolved, ChronologyKind.ESCALATION,
                                "Escalation of the " + lower(rule) + " resolved: " + rs.getString("resolution"),
                                rs.getString("resolved_by")));
                    }
                });
        return entries;
    }

    private static String lower(String label) {
        return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
