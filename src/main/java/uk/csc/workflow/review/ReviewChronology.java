package uk.csc.workflow.review;

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

/**
 * A child in care in the chronology (becoming and ceasing to be looked after, placement changes,
 * reviews, visits), and the independent reviewing officer's remit: the cases with a period of care.
 */
@Component
class ReviewChronology implements ChronologySource, CaseRemit {

    private final JdbcClient jdbc;

    ReviewChronology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String role() {
        return Groups.IRO;
    }

    @Override
    public boolean covers(long caseId) {
        return jdbc.sql("SELECT count(*) FROM looked_after_period WHERE case_id = :c").param("c", caseId).query(Long.class).single() > 0;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        List<ChronologyEntry> entries = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return entries;
        }
        jdbc.sql("""
                SELECT p.*, e.legal_status, e.placement_type, e.placement_provider, e.recorded_at
                FROM looked_after_period p JOIN looked_after_episode e ON e.period_id = p.id AND e.reason_new_episode = 'S'
                WHERE p.case_id IN (:ids)""").param("ids", caseIds).query((ResultSet rs) -> {
            long caseId = rs.getLong("case_id");
            entries.add(new ChronologyEntry(caseId, rs.getObject("started_on", LocalDate.class), instant(rs, "recorded_at"),
                    ChronologyKind.LOOKED_AFTER, "Became looked after: " + episode(rs), rs.getString("started_by")));
            LocalDate ended = rs.getObject("ended_on", LocalDate.class);
            if (ended != null) {
                entries.add(new ChronologyEntry(caseId, ended, null, ChronologyKind.LOOKED_AFTER, "Ceased to be looked after: "
                        + lower(CodeLabels.label(CodeLabels.REASON_CEASED, rs.getString("reason_ceased"))), rs.getString("ended_by")));
            }
        });
        jdbc.sql("SELECT * FROM looked_after_episode WHERE case_id IN (:ids) AND reason_new_episode <> 'S'").param("ids", caseIds)
                .query((ResultSet rs) -> {
                    entries.add(new ChronologyEntry(rs.getLong("case_id"), rs.getObject("started_on", LocalDate.class),
                            instant(rs, "recorded_at"), ChronologyKind.PLACEMENT,
                            CodeLabels.label(CodeLabels.REASON_NEW_EPISODE, rs.getString("reason_new_episode")) + ": " + episode(rs)
                                    + (rs.getBoolean("intended_until_18") ? "; meant to last until the child is 18" : ""),
                            rs.getString("recorded_by")));
                });
        jdbc.sql("SELECT * FROM looked_after_review WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            long caseId = rs.getLong("case_id");
            int number = rs.getInt("sequence_number");
            LocalDate early = rs.getObject("early_requested_on", LocalDate.class);
            if (early != null) {
                entries.add(new ChronologyEntry(caseId, early, null, ChronologyKind.REVIEW, "Early review requested (review " + number
                        + "): " + rs.getString("early_reason"), rs.getString("early_requested_by")));
            }
            LocalDate held = rs.getObject("held_on", LocalDate.class);
            if (held != null) {
                String late = rs.getBoolean("late") ? "; held late (due by " + rs.getObject("due_on", LocalDate.class) + "): "
                        + rs.getString("late_reason") : "";
                entries.add(new ChronologyEntry(caseId, held, null, ChronologyKind.REVIEW, "Looked-after review " + number + " held"
                        + late + ". Participation: " + CodeLabels.label(CodeLabels.PARTICIPATION, rs.getString("participation")),
                        rs.getString("recorded_by")));
            }
            LocalDate signedOff = rs.getObject("signed_off_on", LocalDate.class);
            if (signedOff != null) {
                entries.add(new ChronologyEntry(caseId, signedOff, null, ChronologyKind.REVIEW,
                        "Record of review " + number + " signed off by the team manager", rs.getString("signed_off_by")));
            }
            LocalDate cancelled = rs.getObject("cancelled_on", LocalDate.class);
            if (cancelled != null) {
                entries.add(new ChronologyEntry(caseId, cancelled, null, ChronologyKind.REVIEW,
                        "Review " + number + " not held: the child ceased to be looked after", "system"));
            }
        });
        jdbc.sql("SELECT * FROM looked_after_visit WHERE case_id IN (:ids) AND visited_on IS NOT NULL").param("ids", caseIds)
                .query((ResultSet rs) -> {
                    entries.add(new ChronologyEntry(rs.getLong("case_id"), rs.getObject("visited_on", LocalDate.class), null,
                            ChronologyKind.VISIT, "Visit " + rs.getInt("sequence_number") + " to the child in care: "
                            + (rs.getBoolean("seen_alone") ? "the child was seen alone" : "the child was not seen alone"),
                            rs.getString("visited_by")));
                });
        return entries;
    }

    private static String episode(ResultSet rs) throws SQLException {
        return "legal status " + lower(CodeLabels.label(CodeLabels.LEGAL_STATUS, rs.getString("legal_status"))) + "; placement "
                + lower(CodeLabels.label(CodeLabels.PLACEMENT_TYPE, rs.getString("placement_type"))) + " ("
                + lower(CodeLabels.label(CodeLabels.PLACEMENT_PROVIDER, rs.getString("placement_provider"))) + ")";
    }

    static String lower(String label) {
        return label == null || label.isEmpty() ? label : label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
