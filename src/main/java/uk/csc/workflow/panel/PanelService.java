package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.panel.PanelCodes.Decision;
import uk.csc.workflow.panel.PanelCodes.EmergencyAdmission;
import uk.csc.workflow.panel.PanelCodes.FinalOrder;
import uk.csc.workflow.panel.PanelCodes.LegalRoute;
import uk.csc.workflow.panel.PanelCodes.LegalStatus;
import uk.csc.workflow.panel.PanelCodes.PermanencePlan;
import uk.csc.workflow.panel.PanelCodes.PlacementType;
import uk.csc.workflow.panel.PanelCodes.PreProceedingsOutcome;
import uk.csc.workflow.panel.PanelCodes.Proposal;
import uk.csc.workflow.panel.PanelCodes.Provider;
import uk.csc.workflow.panel.PanelCodes.YesNo;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * The Reception into Care panel's records: requests, sittings, decisions, placements, legal
 * steps and the first statutory tasks of a child in care. Each method validates what was
 * submitted, records it and answers the routing values its process continues with.
 */
@Service
@Transactional
public class PanelService {

    static final String CASE = "CASE";

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final CaseClocks deadlines;
    private final PanelSittings sittings;
    private final AuditLog audit;
    private final TimeSource time;

    PanelService(JdbcClient jdbc, CaseFileService cases, CaseClocks deadlines, PanelSittings sittings, AuditLog audit,
                 TimeSource time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.sittings = sittings;
        this.audit = audit;
        this.time = time;
    }

    // ---- requests ---------------------------------------------------------------------------

    /** A request to be prepared by the team manager (the referral route's hand-off). */
    public long openRequest(long caseId, String source, String userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO panel_request (case_id, source, status, requested_by, requested_at)
                VALUES (:c, :source, 'TO_PREPARE', :by, :at)""")
                .param("c", caseId).param("source", source).param("by", userId).param("at", now()).update(keys, "id");
        cases.moveTo(caseId, CaseStage.PANEL);
        audit(userId, AuditLog.Action.CREATE, caseId, "panel request opened (" + source + ")");
        return keys.getKey().longValue();
    }

    /** The team manager's request: reason, proposal, risks, family options and any emergency admission. */
    public Map<String, Object> prepare(long requestId, FormValues form, String userId) {
        String reason = form.text("requestReason", 4000);
        Proposal proposal = form.code("proposal", Proposal.class);
        String risks = form.text("riskSummary", 4000);
        String family = form.text("familyOptions", 4000);
        EmergencyAdmission emergency = form.optionalCode("emergencyAdmission", EmergencyAdmission.class);
        LocalDate emergencyOn = form.optionalPastDate("emergencyOn", time.today());
        if (emergency != null && emergencyOn == null && !form.hasProblem("emergencyOn")) {
            form.problem("emergencyOn", "give the date of the emergency admission");
        }
        form.validate();
        long caseId = caseOf(requestId);
        jdbc.sql("""
                UPDATE panel_request SET request_reason = :reason, proposal = :proposal, risk_summary = :risks,
                       family_options = :family, emergency_admission = :emergency, emergency_on = :emergencyOn,
                       status = 'PREPARED', requested_by = :by WHERE id = :id""")
                .param("reason", reason).param("proposal", proposal.name()).param("risks", risks).param("family", family)
                .param("emergency", emergency == null ? null : emergency.name()).param("emergencyOn", emergencyOn)
                .param("by", userId).param("id", requestId).update();
        audit(userId, AuditLog.Action.UPDATE, caseId, "panel request prepared: " + proposal);
        Map<String, Object> routing = new HashMap<>();
        routing.put("proposal", proposal.name());
        routing.put("emergencyAdmission", emergency == null ? "" : emergency.name());
        routing.put("emergencyOn", emergencyOn == null ? null : emergencyOn.toString());
        return routing;
    }

    public Map<String, Object> endorse(long requestId, FormValues form, String userId) {
        YesNo endorsed = form.code("endorsed", YesNo.class);
        String reason = form.text("endorsementReason", 2000);
        form.validate();
        jdbc.sql("UPDATE panel_request SET endorsed_by = :by, endorsement = :e WHERE id = :id")
                .param("by", userId).param("e", endorsed + ": " + reason).param("id", requestId).update();
        audit(userId, AuditLog.Action.DECIDE, caseOf(requestId), "care proceedings request endorsed: " + endorsed);
        return Map.of("endorsed", endorsed == YesNo.YES);
    }

    /** Puts the request on the agenda of the sitting that hears a request made now. */
    public Map<String, Object> schedule(long requestId) {
        LocalDate sittingOn = sittings.sittingFor(time.now());
        long sittingId = sittingOn(sittingOn);
        jdbc.sql("UPDATE panel_request SET sitting_id = :s, status = 'AWAITING_SITTING' WHERE id = :id")
                .param("s", sittingId).param("id", requestId).update();
        return Map.of("sittingOn", sittingOn.toString(), "sittingAt", Date.from(sittings.startsAt(sittingOn)));
    }

    private long sittingOn(LocalDate day) {
        return jdbc.sql("SELECT id FROM panel_sitting WHERE sitting_on = :d").param("d", day).query(Long.class).optional()
                .orElseGet(() -> {
                    var keys = new GeneratedKeyHolder();
                    jdbc.sql("INSERT INTO panel_sitting (sitting_on) VALUES (:d)").param("d", day).update(keys, "id");
                    return keys.getKey().longValue();
                });
    }

    public Map<String, Object> provideInformation(long requestId, FormValues form, String userId) {
        String information = form.text("additionalInformation", 4000);
        form.validate();
        jdbc.sql("""
                UPDATE panel_request SET risk_summary = COALESCE(risk_summary, '') || ' / Further information: ' || :info
                WHERE id = :id""").param("info", information).param("id", requestId).update();
        audit(userId, AuditLog.Action.UPDATE, caseOf(requestId), "further information for panel");
        return Map.of();
    }

    // ---- decisions --------------------------------------------------------------------------

    /** The chair's decision: a new, never-edited record. */
    public Map<String, Object> decide(long requestId, FormValues form, String userId) {
        DecisionRecord decision = readDecision(form);
        long caseId = caseOf(requestId);
        insertDecision(requestId, decision, userId, null, null);
        jdbc.sql("UPDATE panel_request SET status = :s WHERE id = :id")
                .param("s", decision.decision() == Decision.MORE_INFORMATION ? "MORE_INFORMATION" : "DECIDED")
                .param("id", requestId).update();
        audit(userId, AuditLog.Action.DECIDE, caseId, "panel decision: " + decision.decision());
        if (decision.decision() == Decision.SUPPORT_AT_HOME) {
            cases.moveTo(caseId, CaseStage.CHILD_IN_NEED);
        }
        Map<String, Object> routing = new HashMap<>();
        routing.put("panelDecision", decision.decision().name());
        routing.put("legalRoute", decision.legalRoute() == null ? null : decision.legalRoute().name());
        routing.put("informationNeeded", decision.informationNeeded());
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
            throw new uk.csc.workflow.platform.web.NotFoundException("No panel decision " + decisionId);
        }
        boolean superseded = jdbc.sql("SELECT count(*) FROM panel_decision WHERE supersedes_id = :id").param("id", decisionId)
                .query(Long.class).single() > 0;
        if (superseded) {
            form.problem("decisionId", "decision " + decisionId + " has already been corrected: correct the latest record");
            form.validate();
        }
        long id = insertDecision(original.get(), decision, userId, decisionId, correctionReason);
        audit(userId, AuditLog.Action.DECIDE, caseOf(original.get()), "panel decision " + decisionId + " corrected by " + id);
        return id;
    }

    private record DecisionRecord(Decision decision, LegalRoute legalRoute, LocalDate supportReviewOn, String informationNeeded,
                                  String reasons, String attendees, String conditions) {
    }

    private DecisionRecord readDecision(FormValues form) {
        Decision decision = form.code("panelDecision", Decision.class);
        LegalRoute route = form.optionalCode("legalRoute", LegalRoute.class);
        LocalDate reviewOn = form.optionalDate("supportReviewOn");
        String information = form.optionalText("informationNeeded", 2000);
        String reasons = form.text("decisionReasons", 4000);
        String attendees = form.text("attendees", 2000);
        String conditions = form.optionalText("conditions", 2000);
        if (decision == Decision.LEGAL_PROCEEDINGS && route == null && !form.hasProblem("legalRoute")) {
            form.problem("legalRoute", "choose pre-proceedings or issue");
        }
        if (decision == Decision.SUPPORT_AT_HOME && reviewOn == null && !form.hasProblem("supportReviewOn")) {
            form.problem("supportReviewOn", "support at home needs a review date");
        }
        if (reviewOn != null && !reviewOn.isAfter(time.today())) {
            form.problem("supportReviewOn", "must be in the future");
        }
        if (decision == Decision.MORE_INFORMATION && information == null) {
            form.problem("informationNeeded", "say what information the panel needs");
        }
        form.validate();
        return new DecisionRecord(decision, decision == Decision.LEGAL_PROCEEDINGS ? route : null,
                decision == Decision.SUPPORT_AT_HOME ? reviewOn : null,
                decision == Decision.MORE_INFORMATION ? information : null, reasons, attendees, conditions);
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
                .param("cond", d.conditions()).param("by", userId).param("at", now()).param("sup", supersedes)
                .param("why", correctionReason).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- placement --------------------------------------------------------------------------

    /**
     * Records a placement. The council's preference order is enforced as a duty to explain:
     * anything but family and friends needs the reason; a residential placement also needs the
     * service manager's approval (the process asks for it).
     */
    public Map<String, Object> recordPlacement(long caseId, Long requestId, boolean emergency, FormValues form, String userId) {
        LocalDate startOn = form.pastDate("placementStartOn", time.today());
        LegalStatus legalStatus = form.code("legalStatus", LegalStatus.class);
        PlacementType type = form.code("placementType", PlacementType.class);
        Provider provider = form.code("placementProvider", Provider.class);
        String reason = form.optionalText("preferenceReason", 2000);
        if (type != null && !type.isFamilyAndFriends() && reason == null) {
            form.problem("preferenceReason", type.isResidential()
                    ? "a residential placement needs a justification (why not family, friends or foster care)"
                    : "say why the child is not placed with family or friends"
                            + (type.isFostering() && provider != Provider.PR1 ? " or the council's own foster carers" : ""));
        }
        form.validate();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO placement (case_id, request_id, start_on, legal_status, placement_type, provider, emergency,
                                       preference_reason, approval, recorded_by, recorded_at)
                VALUES (:c, :r, :start, :ls, :type, :provider, :emergency, :reason, :approval, :by, :at)""")
                .param("c", caseId).param("r", requestId).param("start", startOn).param("ls", legalStatus.name())
                .param("type", type.name()).param("provider", provider.name()).param("emergency", emergency)
                .param("reason", reason).param("approval", type.isResidential() ? "PENDING" : "NOT_NEEDED")
                .param("by", userId).param("at", now()).update(keys, "id");
        audit(userId, AuditLog.Action.CREATE, caseId, "placement " + type + " from " + startOn);
        Map<String, Object> routing = new HashMap<>();
        routing.put("placementId", keys.getKey().longValue());
        routing.put("residential", type.isResidential() && !emergency);
        routing.put("placementStartOn", startOn.toString());
        routing.put("placementType", type.name());
        return routing;
    }

    public Map<String, Object> approvePlacement(long placementId, FormValues form, String userId) {
        YesNo approved = form.code("residentialApproved", YesNo.class);
        String reason = form.text("approvalReason", 2000);
        form.validate();
        jdbc.sql("UPDATE placement SET approval = :a, approved_by = :by, approval_reason = :r WHERE id = :id")
                .param("a", approved == YesNo.YES ? "APPROVED" : "REFUSED").param("by", userId).param("r", reason)
                .param("id", placementId).update();
        long caseId = jdbc.sql("SELECT case_id FROM placement WHERE id = :id").param("id", placementId).query(Long.class).single();
        audit(userId, AuditLog.Action.DECIDE, caseId, "residential placement " + (approved == YesNo.YES ? "approved" : "refused"));
        return Map.of("residentialApproved", approved == YesNo.YES);
    }

    /** The placement the child is in: the latest approved or not-needing-approval one. */
    public Placement currentPlacement(long caseId) {
        return jdbc.sql("""
                SELECT start_on, legal_status, placement_type, provider, emergency FROM placement
                WHERE case_id = :c AND approval IN ('APPROVED', 'NOT_NEEDED') ORDER BY start_on DESC, id DESC LIMIT 1""")
                .param("c", caseId)
                .query((rs, n) -> new Placement(rs.getObject("start_on", LocalDate.class), rs.getString("legal_status"),
                        rs.getString("placement_type"), rs.getString("provider"), rs.getBoolean("emergency")))
                .single();
    }

    public record Placement(LocalDate startOn, String legalStatus, String placementType, String provider, boolean emergency) {
    }

    /**
     * The clocks that start when a child becomes looked after: care plan and health assessment,
     * and for an emergency placement the placement notice.
     */
    public List<StatutoryClockStarted> startCareClocks(long caseId, LocalDate placementStart, boolean emergency) {
        GuidanceProfile profile = GuidanceProfile.valueOf(cases.get(caseId).profile());
        cases.moveTo(caseId, CaseStage.LOOKED_AFTER);
        var clocks = new java.util.ArrayList<StatutoryClockStarted>();
        clocks.add(deadlines.start(caseId, "CARE_PLAN", placementStart, profile));
        clocks.add(deadlines.start(caseId, "HEALTH_ASSESSMENT", placementStart, profile));
        if (emergency) {
            clocks.add(deadlines.start(caseId, "PLACEMENT_NOTICE", placementStart, profile));
        }
        return clocks;
    }

    // ---- first statutory tasks in care --------------------------------------------------------

    public Map<String, Object> carePlan(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("carePlanCompletedOn", time.today());
        PermanencePlan plan = form.code("permanencePlan", PermanencePlan.class);
        String summary = form.text("carePlanSummary", 4000);
        form.validate();
        careRecord(caseId, "CARE_PLAN", done, plan.name(), summary, userId);
        return Map.of();
    }

    public Map<String, Object> healthAssessment(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("healthAssessmentOn", time.today());
        String notes = form.optionalText("healthNotes", 4000);
        form.validate();
        careRecord(caseId, "HEALTH_ASSESSMENT", done, null, notes, userId);
        return Map.of();
    }

    public Map<String, Object> placementNotice(long caseId, FormValues form, String userId) {
        LocalDate done = form.pastDate("noticeSentOn", time.today());
        String to = form.text("noticeSentTo", 2000);
        form.validate();
        careRecord(caseId, "PLACEMENT_NOTICE", done, null, to, userId);
        return Map.of();
    }

    private void careRecord(long caseId, String kind, LocalDate done, String detail, String notes, String userId) {
        jdbc.sql("""
                INSERT INTO care_record (case_id, kind, done_on, detail, notes, recorded_by, recorded_at)
                VALUES (:c, :k, :d, :detail, :notes, :by, :at)""")
                .param("c", caseId).param("k", kind).param("d", done).param("detail", detail).param("notes", notes)
                .param("by", userId).param("at", now()).update();
        deadlines.complete(caseId, kind, done);
        audit(userId, AuditLog.Action.UPDATE, caseId, kind.toLowerCase().replace('_', ' ') + " recorded");
    }

    // ---- the legal route --------------------------------------------------------------------

    public Map<String, Object> legalPlanningMeeting(long caseId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today());
        String advice = form.text("legalAdvice", 4000);
        YesNo threshold = form.code("thresholdMet", YesNo.class);
        form.validate();
        legalStep(caseId, "LEGAL_PLANNING_MEETING", held, "THRESHOLD_" + (threshold == YesNo.YES ? "MET" : "NOT_MET"), advice, userId);
        cases.moveTo(caseId, CaseStage.LEGAL_PROCEEDINGS);
        return Map.of("thresholdMet", threshold == YesNo.YES);
    }

    public Map<String, Object> letterBeforeProceedings(long caseId, FormValues form, String userId) {
        LocalDate sent = form.pastDate("letterSentOn", time.today());
        form.validate();
        legalStep(caseId, "LETTER_BEFORE_PROCEEDINGS", sent, null, null, userId);
        return Map.of();
    }

    public Map<String, Object> preProceedingsMeeting(long caseId, FormValues form, String userId) {
        LocalDate held = form.pastDate("meetingHeldOn", time.today());
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
        LocalDate concluded = form.pastDate("concludedOn", time.today());
        FinalOrder order = form.code("finalOrder", FinalOrder.class);
        String notes = form.optionalText("proceedingsNotes", 4000);
        form.validate();
        legalStep(caseId, "PROCEEDINGS_CONCLUDED", concluded, order.name(), notes, userId);
        deadlines.complete(caseId, "CARE_PROCEEDINGS", concluded);
        return Map.of("finalOrder", order.name());
    }

    private void legalStep(long caseId, String step, LocalDate on, String outcome, String notes, String userId) {
        jdbc.sql("""
                INSERT INTO legal_step (case_id, step, done_on, outcome, notes, recorded_by, recorded_at)
                VALUES (:c, :s, :d, :o, :n, :by, :at)""")
                .param("c", caseId).param("s", step).param("d", on).param("o", outcome).param("n", notes)
                .param("by", userId).param("at", now()).update();
        audit(userId, AuditLog.Action.UPDATE, caseId, "legal step " + step);
    }

    // ---- queries ----------------------------------------------------------------------------

    public long caseOf(long requestId) {
        return jdbc.sql("SELECT case_id FROM panel_request WHERE id = :id").param("id", requestId).query(Long.class).optional()
                .orElseThrow(() -> new uk.csc.workflow.platform.web.NotFoundException("No panel request " + requestId));
    }

    public void attachProcess(long requestId, String processInstanceId) {
        jdbc.sql("UPDATE panel_request SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", requestId).update();
    }

    public CaseRecord caseRecord(long caseId) {
        return cases.get(caseId);
    }

    public boolean isCaseOpen(long caseId) {
        return cases.isOpen(caseId);
    }

    private void audit(String userId, AuditLog.Action action, long caseId, String detail) {
        audit.record(userId, action, CASE, cases.get(caseId).caseRef(), detail);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
