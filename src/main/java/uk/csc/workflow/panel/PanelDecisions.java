package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.panel.PanelCodes.Decision;
import uk.csc.workflow.panel.PanelCodes.LegalRoute;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * The chair's decisions: a record that is never edited; a correction is a new record naming the
 * one it supersedes.
 */
@Service
@Transactional
public class PanelDecisions {

    private final JdbcClient jdbc;
    private final PanelRecords records;
    private final CaseFileService cases;
    private final PreProceedingsRecords preProceedings;
    private final TimeSource time;

    PanelDecisions(JdbcClient jdbc, PanelRecords records, CaseFileService cases, PreProceedingsRecords preProceedings, TimeSource time) {
        this.jdbc = jdbc;
        this.records = records;
        this.cases = cases;
        this.preProceedings = preProceedings;
        this.time = time;
    }


    /** The chair's decision: a new, never-edited record. */
    public Map<String, Object> decide(long requestId, FormValues form, String userId) {
        DecisionRecord decision = readDecision(form);
        long caseId = records.caseOf(requestId);
        insertDecision(requestId, decision, userId, null, null);
        if (decision.decision() == Decision.LEGAL_PROCEEDINGS) {
            preProceedings.open(caseId, requestId, decision.legalRoute(), time.today(), decision.fgdmNotOfferedReason());
        }
        jdbc.sql("UPDATE panel_request SET status = :s WHERE id = :id")
                .param("s", decision.decision() == Decision.MORE_INFORMATION ? "MORE_INFORMATION" : "DECIDED")
                .param("id", requestId).update();
        records.audit(userId, AuditLog.Action.DECIDE, caseId, "panel decision: " + decision.decision());
        if (decision.decision() == Decision.SUPPORT_AT_HOME) {
            cases.moveTo(caseId, CaseStage.CHILD_IN_NEED);
        }
        Map<String, Object> routing = new HashMap<>();
        routing.put("panelDecision", decision.decision().name());
        routing.put("legalRoute", decision.legalRoute() == null ? null : decision.legalRoute().name());
        // What the panel asks for is free text about the family: it stays in panel_decision (the
        // "Child and case" tab shows it), never in the engine.
        return routing;
    }

    /**
     * Corrects a recorded decision: the original stays as it was; the correction is a new record
     * that names it. A decision can be superseded once (correct the correction instead).
     */
    public long correct(long decisionId, FormValues form, String userId) {
        String correctionReason = form.text("correctionReason", 2000);
        DecisionRecord decision = readDecision(form);
        var original = jdbc.sql("SELECT request_id FROM panel_decision WHERE id = :id").param("id", decisionId)
                .query(Long.class).optional();
        if (original.isEmpty()) {
            throw new uk.csc.workflow.platform.web.NotFoundException("decisionId", "No panel decision " + decisionId);
        }
        boolean superseded = jdbc.sql("SELECT count(*) FROM panel_decision WHERE supersedes_id = :id").param("id", decisionId)
                .query(Long.class).single() > 0;
        if (superseded) {
            form.problem("decisionId", "decision " + decisionId + " has already been corrected: correct the latest record");
            form.validate();
        }
        long id = insertDecision(original.get(), decision, userId, decisionId, correctionReason);
        records.audit(userId, AuditLog.Action.DECIDE, records.caseOf(original.get()), "panel decision " + decisionId + " corrected by " + id);
        return id;
    }

    private record DecisionRecord(Decision decision, LegalRoute legalRoute, LocalDate supportReviewOn, String informationNeeded,
                                  String reasons, String attendees, String conditions, String fgdmNotOfferedReason) {
    }

    private DecisionRecord readDecision(FormValues form) {
        Decision decision = form.code("panelDecision", Decision.class);
        LegalRoute route = form.optionalCode("legalRoute", LegalRoute.class);
        LocalDate reviewOn = form.optionalPlannedDate("supportReviewOn", time.today(), null);
        String information = form.optionalText("informationNeeded", 2000);
        String reasons = form.text("decisionReasons", 4000);
        String attendees = form.text("attendees", 2000);
        String conditions = form.optionalText("conditions", 2000);
        if (decision == Decision.LEGAL_PROCEEDINGS && route == null && !form.hasProblem("legalRoute")) {
            form.problem("legalRoute", "choose pre-proceedings or issue");
        }
        String notOffered = form.optionalText("fgdmNotOfferedReason", 2000);
        if (decision == Decision.LEGAL_PROCEEDINGS && route == LegalRoute.ISSUE && notOffered == null && !form.hasProblem("fgdmNotOfferedReason")) {
            // Children Act 1989 s31ZA(1), (3): issuing now, without pre-proceedings, offers no family group
            // decision-making meeting first; only the child's best interests allow that.
            form.problem("fgdmNotOfferedReason", "say why offering a family group decision-making meeting before issuing is not in the child's best interests");
        }
        if (decision == Decision.SUPPORT_AT_HOME && reviewOn == null && !form.hasProblem("supportReviewOn")) {
            form.problem("supportReviewOn", "support at home needs a review date");
        }
        if (reviewOn != null && !reviewOn.isAfter(time.today()) && !form.hasProblem("supportReviewOn")) {
            form.problem("supportReviewOn", "must be in the future");
        }
        if (decision == Decision.MORE_INFORMATION && information == null && !form.hasProblem("informationNeeded")) {
            form.problem("informationNeeded", "say what information the panel needs");
        }
        form.validate();
        return new DecisionRecord(decision, decision == Decision.LEGAL_PROCEEDINGS ? route : null,
                decision == Decision.SUPPORT_AT_HOME ? reviewOn : null,
                decision == Decision.MORE_INFORMATION ? information : null, reasons, attendees, conditions,
                decision == Decision.LEGAL_PROCEEDINGS && route == LegalRoute.ISSUE ? notOffered : null);
    }

    private long insertDecision(long requestId, DecisionRecord d, String userId, Long supersedes, String correctionReason) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO panel_decision (request_id, sitting_id, decision, legal_route, support_review_on, information_needed,
                                            reasons, attendees, conditions, decided_by, decided_at, supersedes_id, correction_reason)
                SELECT :r, sitting_id, :d, :route, :review, :info, :reasons, :att, :cond, :by, :at, :sup, :why
                FROM panel_request WHERE id = :r""")
                .param("r", requestId).param("d", d.decision().name())
                .param("route", d.legalRoute() == null ? null : d.legalRoute().name()).param("review", d.supportReviewOn())
                .param("info", d.informationNeeded()).param("reasons", d.reasons()).param("att", d.attendees())
                .param("cond", d.conditions()).param("by", userId).param("at", records.now()).param("sup", supersedes)
                .param("why", correctionReason).update(keys, "id");
        return keys.getKey().longValue();
    }
}
