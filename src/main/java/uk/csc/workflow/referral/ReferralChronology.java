package uk.csc.workflow.referral;

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

/**
 * The referral route in the chronology: contacts, screening, the referral decision, assessments
 * (started, child seen, completed, authorised), strategy discussions, s47 enquiries and initial
 * conferences, from the route's own tables.
 */
@Component
class ReferralChronology implements ChronologySource {

    /** How much of a contact's concerns the chronology shows; the contact has them all. */
    static final int CONCERNS_EXCERPT = 200;

    private final JdbcClient jdbc;

    ReferralChronology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        List<ChronologyEntry> entries = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return entries;
        }
        contacts(caseIds, entries);
        assessments(caseIds, entries);
        childProtection(caseIds, entries);
        return entries;
    }

    private void contacts(Collection<Long> caseIds, List<ChronologyEntry> entries) {
        jdbc.sql("SELECT * FROM contact WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            long caseId = rs.getLong("case_id");
            Instant receivedAt = instant(rs, "received_at");
            String concerns = rs.getString("concerns");
            String excerpt = concerns.length() > CONCERNS_EXCERPT ? concerns.substring(0, CONCERNS_EXCERPT) + "..." : concerns;
            StringBuilder summary = new StringBuilder("Contact from ")
                    .append(CodeLabels.label(CodeLabels.REFERRAL_SOURCE, rs.getString("referral_source")))
                    .append(": ").append(lower(CodeLabels.label(CodeLabels.CONCERN_LEVEL, rs.getString("concern_level"))));
            if (rs.getBoolean("immediate_risk")) {
                summary.append("; the child may be at immediate risk");
            }
            if (rs.getBoolean("dv_notification")) {
                summary.append("; police domestic abuse notification");
            }
            summary.append(". Concerns: ").append(excerpt);
            entries.add(new ChronologyEntry(caseId, rs.getObject("received_on", LocalDate.class), receivedAt, ChronologyKind.CONTACT,
                    summary.toString(), rs.getString("recorded_by")));
            String screening = rs.getString("screening_decision");
            if (screening != null) {
                Instant at = instant(rs, "screened_at");
                entries.add(new ChronologyEntry(caseId, at == null ? rs.getObject("received_on", LocalDate.class) : day(at), at,
                        ChronologyKind.SCREENING, "Multi-agency screening decision: "
                        + lower(CodeLabels.label(CodeLabels.SCREENING_DECISION, screening)), rs.getString("screened_by")));
            }
            String decision = rs.getString("decision");
            if (decision != null) {
                Instant at = instant(rs, "decided_at");
                String reason = rs.getString("decision_reason");
                entries.add(new ChronologyEntry(caseId, day(at), at, ChronologyKind.REFERRAL_DECISION, "Referral decision: "
                        + lower(CodeLabels.label(CodeLabels.REFERRAL_DECISION, decision)) + (reason == null ? "" : " (" + reason + ")"),
                        rs.getString("decided_by")));
            }
        });
        jdbc.sql("""
                SELECT t.case_id, s.agency, s.risk_level, s.contributed_by, s.contributed_at
                FROM screening_contribution s JOIN contact t ON t.id = s.contact_id WHERE t.case_id IN (:ids)""")
                .param("ids", caseIds).query((ResultSet rs) -> {
                    Instant at = instant(rs, "contributed_at");
                    entries.add(new ChronologyEntry(rs.getLong("case_id"), day(at), at, ChronologyKind.SCREENING,
                            CodeLabels.label(CodeLabels.AGENCY, rs.getString("agency")) + " contributed to multi-agency screening: "
                                    + lower(CodeLabels.label(CodeLabels.RISK_LEVEL, rs.getString("risk_level"))) + " risk",
                            rs.getString("contributed_by")));
                });
    }

    private void assessments(Collection<Long> caseIds, List<ChronologyEntry> entries) {
        jdbc.sql("SELECT * FROM assessment WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            long caseId = rs.getLong("case_id");
            String kind = CodeLabels.label(CodeLabels.ASSESSMENT_KIND, rs.getString("kind"));
            entries.add(new ChronologyEntry(caseId, rs.getObject("started_on", LocalDate.class), null, ChronologyKind.ASSESSMENT,
                    kind + " started, due by " + rs.getObject("due_on", LocalDate.class), "system"));
            LocalDate seen = rs.getObject("child_seen_on", LocalDate.class);
            if (seen != null) {
                entries.add(new ChronologyEntry(caseId, seen, null, ChronologyKind.ASSESSMENT,
                        "Child seen for the " + lower(kind), rs.getString("completed_by")));
            }
            LocalDate completed = rs.getObject("completed_on", LocalDate.class);
            if (completed != null) {
                entries.add(new ChronologyEntry(caseId, completed, null, ChronologyKind.ASSESSMENT, kind + " completed ("
                        + CodeLabels.label(CodeLabels.CATEGORY_OF_NEED, rs.getString("category_of_need")) + "); recommendation: "
                        + lower(CodeLabels.label(CodeLabels.ASSESSMENT_RECOMMENDATION, rs.getString("recommendation"))),
                        rs.getString("completed_by")));
            }
            LocalDate authorised = rs.getObject("authorised_on", LocalDate.class);
            if (authorised != null) {
                entries.add(new ChronologyEntry(caseId, authorised, null, ChronologyKind.ASSESSMENT, kind + " authorised: "
                        + lower(CodeLabels.label(CodeLabels.ASSESSMENT_OUTCOME, rs.getString("outcome"))),
                        rs.getString("authorised_by")));
            }
        });
    }

    private void childProtection(Collection<Long> caseIds, List<ChronologyEntry> entries) {
        jdbc.sql("SELECT * FROM child_protection_enquiry WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            long caseId = rs.getLong("case_id");
            String by = rs.getString("recorded_by");
            entries.add(new ChronologyEntry(caseId, rs.getObject("strategy_held_on", LocalDate.class), null,
                    ChronologyKind.STRATEGY_DISCUSSION, "Strategy discussion held ("
                    + rs.getString("strategy_attendees") + "): "
                    + lower(CodeLabels.label(CodeLabels.STRATEGY_DECISION, rs.getString("strategy_decision"))), by));
            LocalDate concluded = rs.getObject("s47_concluded_on", LocalDate.class);
            if (concluded != null) {
                entries.add(new ChronologyEntry(caseId, concluded, null, ChronologyKind.S47_ENQUIRY, "Section 47 enquiry concluded: "
                        + lower(CodeLabels.label(CodeLabels.S47_OUTCOME, rs.getString("s47_outcome"))), by));
            }
            LocalDate conference = rs.getObject("conference_held_on", LocalDate.class);
            if (conference != null) {
                String category = rs.getString("category_of_abuse");
                entries.add(new ChronologyEntry(caseId, conference, null, ChronologyKind.CONFERENCE,
                        "Initial child protection conference: "
                                + lower(CodeLabels.label(CodeLabels.CONFERENCE_OUTCOME, rs.getString("conference_outcome")))
                                + (category == null ? "" : " (" + lower(CodeLabels.label(CodeLabels.CATEGORY_OF_ABUSE, category)) + ")"),
                        by));
            }
        });
        jdbc.sql("SELECT * FROM child_protection_contribution WHERE case_id IN (:ids)").param("ids", caseIds).query((ResultSet rs) -> {
            Instant at = instant(rs, "contributed_at");
            boolean s47 = "S47_ENQUIRY".equals(rs.getString("stage"));
            entries.add(new ChronologyEntry(rs.getLong("case_id"), day(at), at, s47 ? ChronologyKind.S47_ENQUIRY : ChronologyKind.STRATEGY_DISCUSSION,
                    CodeLabels.label(CodeLabels.AGENCY, rs.getString("agency")) + " contributed to the "
                            + (s47 ? "section 47 enquiry" : "strategy discussion") + ": "
                            + lower(CodeLabels.label(CodeLabels.RISK_LEVEL, rs.getString("risk_level"))) + " risk",
                    rs.getString("contributed_by")));
        });
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
