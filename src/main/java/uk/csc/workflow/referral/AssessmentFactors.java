package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeYears;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * The CIN census factors identified at the case's latest assessment (codes/code-labels.txt list
 * ASSESSMENT_FACTOR): only codes valid for the collection year of the assessment's start, so 18A and
 * 19A are refused from 2024-25 in favour of 18B/18C and 19B/19C. Replaces what was recorded before.
 */
@Service
@Transactional
public class AssessmentFactors {

    public static final String LIST = "ASSESSMENT_FACTOR";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AssessmentFactors(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Map<String, Object> record(CaseRecord record, Object factors, String userId) {
        record Latest(long id, LocalDate started, String kind) {
        }
        Latest latest = jdbc.sql("SELECT id, started_on, kind FROM assessment WHERE case_id = :c ORDER BY started_on DESC, id DESC LIMIT 1")
                .param("c", record.id()).query((rs, n) -> new Latest(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .optional().orElseThrow(() -> new BadRequestException("factors", "the case has no assessment to record factors for"));
        if (!(factors instanceof List<?> list) || list.isEmpty() || list.size() > 40) {
            throw new BadRequestException("factors", "must be a list of 1 to 40 CIN census assessment factor codes, e.g. [\"3A\", \"4B\"]");
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Object item : list) {
            String code = item instanceof String s ? s.strip() : null;
            if (code == null || !CodeLabels.hasLabel(LIST, code)) {
                problems.add((code == null ? "an item that is not text" : "'" + code.substring(0, Math.min(code.length(), 8)) + "'")
                        + " is not a CIN census assessment factor");
            } else {
                CodeYears.refusal(LIST, code, latest.started()).ifPresentOrElse(problems::add, () -> codes.add(code));
            }
        }
        if (codes.contains("21") && codes.size() > 1) {
            problems.add("21 (no factors identified) cannot be given with other factors");
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("factors", String.join("; ", problems));
        }
        jdbc.sql("DELETE FROM assessment_factor WHERE assessment_id = :a").param("a", latest.id()).update();
        for (String code : codes) {
            jdbc.sql("INSERT INTO assessment_factor (assessment_id, code) VALUES (:a, :c)").param("a", latest.id()).param("c", code).update();
        }
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", record.caseRef(), "assessment factors recorded: " + codes.size());
        return Map.of("assessmentKind", latest.kind(), "assessmentStartedOn", latest.started().toString(),
                "factors", codes.stream().map(c -> CodeLabels.coded(LIST, c)).toList());
    }
}
