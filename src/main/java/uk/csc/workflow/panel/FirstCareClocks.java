package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.panel.PanelCodes.PermanencePlan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * The first statutory clocks of a child in care (care plan, health assessment, placement notice)
 * and the records that stop them.
 */
@Service
@Transactional
public class FirstCareClocks {

    private final JdbcClient jdbc;
    private final CaseClocks deadlines;
    private final CaseFileService cases;
    private final PanelRecords records;
    private final TimeSource time;

    FirstCareClocks(JdbcClient jdbc, CaseClocks deadlines, CaseFileService cases, PanelRecords records, TimeSource time) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.cases = cases;
        this.records = records;
        this.time = time;
    }

    /**
     * The clocks that start when a child becomes looked after: care plan and health assessment,
     * and for an emergency placement the placement notice.
     */
    public List<StatutoryClockStarted> startCareClocks(long caseId, LocalDate placementStart, boolean emergency) {
        GuidanceProfile profile = GuidanceProfile.valueOf(cases.get(caseId).profile());
        cases.moveTo(caseId, CaseStage.LOOKED_AFTER);
        var clocks = new java.util.ArrayList<StatutoryClockStarted>();
        clocks.add(deadlines.start(caseId, StatutoryRuleIds.CARE_PLAN, placementStart, profile));
        clocks.add(deadlines.start(caseId, StatutoryRuleIds.HEALTH_ASSESSMENT, placementStart, profile));
        if (emergency) {
            clocks.add(deadlines.start(caseId, StatutoryRuleIds.PLACEMENT_NOTICE, placementStart, profile));
        }
        return clocks;
    }


    public Map<String, Object> carePlan(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("carePlanCompletedOn", time.today(), cases.earliestEvent(caseId));
        PermanencePlan plan = form.code("permanencePlan", PermanencePlan.class);
        String summary = form.text("carePlanSummary", 4000);
        form.validate();
        careRecord(caseId, StatutoryRuleIds.CARE_PLAN, done, plan.name(), summary, userId);
        return Map.of();
    }

    public Map<String, Object> healthAssessment(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("healthAssessmentOn", time.today(), cases.earliestEvent(caseId));
        String notes = form.optionalText("healthNotes", 4000);
        form.validate();
        careRecord(caseId, StatutoryRuleIds.HEALTH_ASSESSMENT, done, null, notes, userId);
        return Map.of();
    }

    public Map<String, Object> placementNotice(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("noticeSentOn", time.today(), cases.earliestEvent(caseId));
        String to = form.text("noticeSentTo", 2000);
        form.validate();
        careRecord(caseId, StatutoryRuleIds.PLACEMENT_NOTICE, done, null, to, userId);
        return Map.of();
    }

    private void careRecord(long caseId, String kind, LocalDate done, String detail, String notes, String userId) {
        jdbc.sql("""
                INSERT INTO care_record (case_id, kind, done_on, detail, notes, recorded_by, recorded_at)
                VALUES (:c, :k, :d, :detail, :notes, :by, :at)""")
                .param("c", caseId).param("k", kind).param("d", done).param("detail", detail).param("notes", notes)
                .param("by", userId).param("at", records.now()).update();
        deadlines.complete(caseId, kind, done);
        records.audit(userId, AuditLog.Action.UPDATE, caseId, kind.toLowerCase().replace('_', ' ') + " recorded");
    }
}
