package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileCodes.ChronologyKind;
import uk.csc.workflow.casefile.ChronologyEntry;
import uk.csc.workflow.casefile.ChronologySource;

/** Child protection reviews (recorded for NI 67) in the chronology. */
@Component
class CpReviewChronology implements ChronologySource {

    private final JdbcClient jdbc;

    CpReviewChronology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT case_id, due_on, held_on, recorded_by, recorded_at FROM cp_review WHERE case_id IN (:ids)")
                .param("ids", caseIds)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate held = rs.getObject("held_on", LocalDate.class);
                    return new ChronologyEntry(rs.getLong("case_id"), held, rs.getTimestamp("recorded_at").toInstant(),
                            ChronologyKind.CP_REVIEW, "Child protection review held" + (held.isAfter(due) ? ", late (due by " + due + ")"
                            : " (due by " + due + ")"), rs.getString("recorded_by"));
                })
                .list();
    }
}
