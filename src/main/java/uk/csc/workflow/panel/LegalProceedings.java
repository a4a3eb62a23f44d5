package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.panel.PanelCodes.FgdmMeetingResult;
import uk.csc.workflow.panel.PanelCodes.FgdmOutcome;
import uk.csc.workflow.panel.PanelCodes.FinalOrder;
import uk.csc.workflow.panel.PanelCodes.PreProceedingsOutcome;
import uk.csc.workflow.panel.PanelCodes.YesNo;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * The legal route: the legal planning meeting, the letter before proceedings with the offer of a
 * family group decision-making meeting (Children Act 1989 s31ZA), the family's answer and the
 * meeting, the pre-proceedings meeting, issuing care proceedings and their conclusion within 26
 * weeks. The facts the census reads are kept in {@link PreProceedingsRecords}.
 */
@Service
@Transactional
public class LegalProceedings {

    private final JdbcClient jdbc;
    private final CaseClocks deadlines;
    private final CaseFileService cases;
    private final PanelRecords records;
    private final PreProceedingsRecords preProceedings;
    private final TimeSource time;

    LegalProceedings(JdbcClient jdbc, CaseClocks deadlines, CaseFileService cases, PanelRecords records,
                     PreProceedingsRecords preProceedings, TimeSource time) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.cases = cases;
        this.records = records;
        this.preProceedings = preProceedings;
        this.time = time;
    }


    public Map<String, Object> legalPlanningMeeting(long caseId, long requestId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today(), cases.earliestEvent(caseId));
        String advice = form.text("legalAdvice", 4000);
        YesNo threshold = form.code("thresholdMet", YesNo.class);
        form.validate();
        legalStep(caseId, "LEGAL_PLANNING_MEETING", held, "THRESHOLD_" + (threshold == YesNo.YES ? "MET" : "NOT_MET"), advice, userId);
        preProceedings.legalPlanningMeeting(requestId, held, threshold == YesNo.YES);
        cases.moveTo(caseId, CaseStage.LEGAL_PROCEEDINGS);
        return Map.of("thresholdMet", threshold == YesNo.YES);
    }

    /**
     * The letter before proceedings, with the offer of a family group decision-making meeting
     * (s31ZA(1) and (6)), or the reason offering one is not in the child's best interests (s31ZA(3)).
     */
    public Map<String, Object> letterBeforeProceedings(long caseId, long requestId, FormValues form, String userId) {
        LocalDate sent = form.pastDate("letterSentOn", time.today(), cases.earliestEvent(caseId));
        YesNo offered = form.code("fgdmOffered", YesNo.class);
        String reason = form.optionalText("fgdmNotOfferedReason", 2000);
        if (offered == YesNo.NO && reason == null && !form.hasProblem("fgdmNotOfferedReason")) {
            form.problem("fgdmNotOfferedReason", "say why offering a family group decision-making meeting is not in the child's best interests");
        }
        form.validate();
        legalStep(caseId, "LETTER_BEFORE_PROCEEDINGS", sent, offered == YesNo.YES ? "FGDM_OFFERED" : "FGDM_NOT_OFFERED",
                offered == YesNo.YES ? null : reason, userId);
        preProceedings.letterSent(requestId, sent, offered == YesNo.YES, reason);
        return Map.of("fgdmOffered", offered == YesNo.YES);
    }

    /** The family's answer to the offer: accepted by at least one person with parental responsibility, or refused. */
    public Map<String, Object> familyGroupAnswer(long caseId, long requestId, FormValues form, String userId) {
        var route = preProceedings.ofRequest(requestId).orElseThrow();
        LocalDate answered = form.pastDate("fgdmAnsweredOn", time.today(),
                new DateBound(route.fgdmOfferedOn(), "the letter that made the offer"));
        YesNo accepted = form.code("fgdmAccepted", YesNo.class);
        form.validate();
        legalStep(caseId, "FGDM_ANSWER", answered, accepted == YesNo.YES ? "FGDM_ACCEPTED" : "FGDM_REFUSED", null, userId);
        preProceedings.answered(requestId, answered, accepted == YesNo.YES);
        Map<String, Object> routing = new HashMap<>();
        routing.put("fgdmAccepted", accepted == YesNo.YES);
        routing.put("fgdmAcceptedOn", accepted == YesNo.YES ? answered.toString() : null);
        return routing;
    }

    /**
     * The family group decision-making meeting: held (its date and what the family proposed), or
     * not held because it would not be in the child's best interests (s31ZA(3)) or the family
     * withdrew; its clock stops either way.
     */
    public Map<String, Object> familyGroupMeeting(long caseId, long requestId, FormValues form, String userId) {
        var route = preProceedings.ofRequest(requestId).orElseThrow();
        FgdmMeetingResult result = form.code("fgdmMeetingResult", FgdmMeetingResult.class);
        LocalDate held = form.optionalPastDate("fgdmHeldOn", time.today(),
                new DateBound(route.fgdmAnsweredOn(), "the day the offer was accepted"));
        FgdmOutcome outcome = form.optionalCode("fgdmOutcome", FgdmOutcome.class);
        String summary = form.text("fgdmSummary", 2000);
        if (result == FgdmMeetingResult.HELD && held == null && !form.hasProblem("fgdmHeldOn")) {
            form.problem("fgdmHeldOn", "a meeting that was held needs its date");
        }
        if (result == FgdmMeetingResult.HELD && outcome == null && !form.hasProblem("fgdmOutcome")) {
            form.problem("fgdmOutcome", "say what the family's meeting proposed");
        }
        form.validate();
        boolean wasHeld = result == FgdmMeetingResult.HELD;
        String recorded = wasHeld ? outcome.name() : result.name();
        LocalDate on = wasHeld ? held : time.today();
        legalStep(caseId, "FGDM_MEETING", on, recorded, summary, userId);
        preProceedings.meeting(requestId, wasHeld ? held : null, recorded, summary);
        deadlines.complete(caseId, StatutoryRuleIds.FGDM_MEETING, on);
        return Map.of();
    }

    public Map<String, Object> preProceedingsMeeting(long caseId, long requestId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today(), cases.earliestEvent(caseId));
        PreProceedingsOutcome outcome = form.code("preProceedingsOutcome", PreProceedingsOutcome.class);
        String reason = form.text("outcomeReason", 2000);
        form.validate();
        legalStep(caseId, "PRE_PROCEEDINGS_MEETING", held, outcome.name(), reason, userId);
        preProceedings.preProceedingsMeeting(requestId, held, outcome, time.today());
        return Map.of("preProceedingsOutcome", outcome.name());
    }

    /**
     * Proceedings issued today: the 26-week clock starts (the model's next service task). Refused
     * (an incident in Cockpit, not an application) while an accepted offer of a family group
     * decision-making meeting has no recorded outcome: s31ZA(2) wants the meeting held first.
     */
    public Map<String, Object> issueProceedings(long caseId, long requestId) {
        LocalDate today = time.today();
        var route = preProceedings.ofRequest(requestId)
                .orElseThrow(() -> new IllegalStateException("Panel request " + requestId + " has no legal route recorded"));
        if (!route.familyGroupDecisionSettled()) {
            throw new IllegalStateException("Care proceedings for panel request " + requestId
                    + " cannot be issued before the family group decision-making meeting the family accepted (Children Act 1989 s31ZA(2))");
        }
        preProceedings.applicationIssued(requestId, today);
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
