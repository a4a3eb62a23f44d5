package uk.csc.workflow.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileSection;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;

/**
 * The case file's {@code lookedAfter}, {@code legalStatus} and {@code placement}: the latest period of
 * care, and while it lasts the current SSDA903 episode's legal status and placement (null when the
 * child is not looked after).
 */
@Component
class CareStatusSection implements CaseFileSection {

    record LookedAfter(LocalDate since, LocalDate ceasedOn, Coded reasonCeased) {
    }

    record LegalStatus(String code, String label, LocalDate since) {
    }

    record Placement(Coded type, Coded provider, LocalDate since, boolean intendedUntil18) {
    }

    private final JdbcClient jdbc;

    CareStatusSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record PeriodRow(long id, LocalDate startedOn, LocalDate endedOn, String reasonCeased) {
    }

    @Override
    public Map<String, Object> partsFor(long caseId) {
        Map<String, Object> parts = new HashMap<>();
        parts.put("lookedAfter", null);
        parts.put("legalStatus", null);
        parts.put("placement", null);
        Optional<PeriodRow> period = jdbc.sql("""
                SELECT id, started_on, ended_on, reason_ceased FROM looked_after_period WHERE case_id = :c
                ORDER BY started_on DESC, id DESC LIMIT 1""")
                .param("c", caseId)
                .query((rs, n) -> new PeriodRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .optional();
        if (period.isEmpty()) {
            return parts;
        }
        PeriodRow p = period.get();
        parts.put("lookedAfter", new LookedAfter(p.startedOn(), p.endedOn(), CodeLabels.coded(CodeLabels.REASON_CEASED, p.reasonCeased())));
        if (p.endedOn() != null) {
            return parts;
        }
        LegalStatus legalStatus = null;
        Placement placement = null;
        for (EpisodeRow e : jdbc.sql("""
                SELECT started_on, legal_status, placement_type, placement_provider, intended_until_18
                FROM looked_after_episode WHERE period_id = :p ORDER BY started_on, id""")
                .param("p", p.id())
                .query((rs, n) -> new EpisodeRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list()) {
            if (legalStatus == null || !legalStatus.code().equals(e.legalStatus())) {
                legalStatus = new LegalStatus(e.legalStatus(), CodeLabels.label(CodeLabels.LEGAL_STATUS, e.legalStatus()), e.startedOn());
            }
            placement = new Placement(CodeLabels.coded(CodeLabels.PLACEMENT_TYPE, e.type()),
                    CodeLabels.coded(CodeLabels.PLACEMENT_PROVIDER, e.provider()), e.startedOn(), e.intendedUntil18());
        }
        parts.put("legalStatus", legalStatus);
        parts.put("placement", placement);
        return parts;
    }

    private record EpisodeRow(LocalDate startedOn, String legalStatus, String type, String provider, boolean intendedUntil18) {
    }
}
