package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileSection;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;

/** The case file's {@code legalProceedings}: where the legal route stands (null when it never started). */
@Component
class PanelFileSection implements CaseFileSection {

    /** The latest step of the legal route, and when proceedings were issued and concluded. */
    record LegalProceedings(Coded latestStep, LocalDate latestStepOn, String outcome, LocalDate issuedOn, LocalDate concludedOn) {
    }

    private final JdbcClient jdbc;

    PanelFileSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> partsFor(long caseId) {
        Map<String, Object> parts = new HashMap<>();
        parts.put("legalProceedings", jdbc.sql("""
                SELECT step, done_on, outcome,
                       (SELECT MIN(done_on) FROM legal_step WHERE case_id = :c AND step = 'PROCEEDINGS_ISSUED'),
                       (SELECT MIN(done_on) FROM legal_step WHERE case_id = :c AND step = 'PROCEEDINGS_CONCLUDED')
                FROM legal_step WHERE case_id = :c ORDER BY done_on DESC, id DESC LIMIT 1""")
                .param("c", caseId)
                .query((rs, n) -> {
                    String outcome = rs.getString(3);
                    String words = outcome == null ? null : CodeLabels.hasLabel(CodeLabels.LEGAL_STEP_OUTCOME, outcome)
                            ? CodeLabels.label(CodeLabels.LEGAL_STEP_OUTCOME, outcome) : CodeLabels.label(CodeLabels.FINAL_ORDER, outcome);
                    return new LegalProceedings(CodeLabels.coded(CodeLabels.LEGAL_STEP, rs.getString(1)), rs.getObject(2, LocalDate.class),
                            words, rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
                })
                .optional().orElse(null));
        return parts;
    }
}
