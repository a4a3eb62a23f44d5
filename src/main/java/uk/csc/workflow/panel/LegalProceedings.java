package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.panel.PanelCodes.FinalOrder;
import uk.csc.workflow.panel.PanelCodes.PreProceedingsOutcome;
import uk.csc.workflow.panel.PanelCodes.YesNo;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * The legal route: the legal planning meeting, the letter before proceedings, the
 * pre-proceedings meeting, issuing care proceedings and their conclusion within 26 weeks.
 */
@Service
@Transactional
public class LegalProceedings {

    private final JdbcClient jdbc;
    private final CaseClocks deadlines;
    private final CaseFileService cases;
    private final PanelRecords records;
    private final TimeSource time;

    LegalProceedings(JdbcClient jdbc, CaseClocks deadlines, CaseFileService cases, PanelRecords records, TimeSource time) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.cases = cases;
        this.records = records;
        this.time = time;
    }


    public Map<String, Object> legalPlanningMeeting(long caseId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today(), cases.earliestEvent(caseId));
        String advice = form.text("legalAdvice", 4000);
        YesNo threshold = form.code("thresholdMet", YesNo.class);
        form.validate();
        legalStep(caseId, "LEGAL_PLANNING_MEETING", held, "THRESHOLD_" + (threshold == YesNo.YES ? "MET" : "NOT_MET"), advice, userId);
        cases.moveTo(caseId, CaseStage.LEGAL_PROCEEDINGS);
        return Map.of("thresholdMet", threshold == YesNo.YES);
    }

    public Map<String, Object> letterBeforeProceedings(long caseId, FormValues form, String userId) {
        LocalDate sent = form.pastDate("letterSentOn", time.today(), cases.earliestEvent(caseId));
        form.validate();
        legalStep(caseId, "LETTER_BEFORE_PROCEEDINGS", sent, null, null, userId);
        return Map.of();
    }

    public Map<String, Object> preProceedingsMeeting(long caseId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today(), cases.earliestEvent(caseId));
        PreProceedingsOutcome outcome = form.code("preProceedingsOutcome", PreProceedingsOutcome.class);
        String reason = form.text("outcomeReason", 2000);
        form.validate();
        legalStep(caseId, "PRE_PROCEEDINGS_MEETING", held, outcome.name(), reason, userId);
        return Map.of("preProceedingsOutcome", outcome.name());
    }

    /** Proceedings issued today: the 26-week clock starts (the model's next service task). */
    public Map<String, Object> issueProceedings(long caseId) {
        LocalDate today = time.today();
        legalStep(caseId, "PROCEEDINGS_ISSUED", today, null, null, "system");
        cases.moveTo(caseId, CaseStage.LEGAL_PROCEEDINGS);
        return Map.of("proceedingsIssuedOn", today.toString());
    }

    public Map<String, Object> concludeProceedings(long caseId, FormValues form, String userId) {
        LocalDate concluded = form.pastDate("concludedOn", time.today(), cases.earliestEvent(caseId));
        FinalOrder order = form.code("finalOrder", FinalOrder.class);
        String notes = form.optionalText("proceedingsNotes", 4000);
        form.validate();
        legalStep(caseId, "PROCEEDINGS_CONCLUDED", concluded, order.name(), notes, userId);
        deadlines.complete(caseId, StatutoryRuleIds.CARE_PROCEEDINGS, concluded);
        return Map.of("finalOrder", order.name());
    }

    private void legalStep(long caseId, String step, LocalDate on, String outcome, String notes, String userId) {
        jdbc.sql("""
                INSERT INTO legal_step (case_id, step, done_on, outcome, notes, recorded_by, recorded_at)
                VALUES (:c, :s, :d, :o, :n, :by, :at)""")
                .param("c", caseId).param("s", step).param("d", on).param("o", outcome).param("n", notes)
                .param("by", userId).param("at", records.now()).update();
        records.audit(userId, AuditLog.Action.UPDATE, caseId, "legal step " + step);
    }
}
