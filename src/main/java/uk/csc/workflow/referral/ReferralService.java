package uk.csc.workflow.referral;

import static uk.csc.workflow.platform.process.CaseVariables.WORKER;
import static uk.csc.workflow.referral.ReferralToAssessmentModel.Variables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ReferralCodes.Agency;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralCodes.AssessmentOutcome;
import uk.csc.workflow.referral.ReferralCodes.CategoryOfAbuse;
import uk.csc.workflow.referral.ReferralCodes.CategoryOfNeed;
import uk.csc.workflow.referral.ReferralCodes.ConferenceOutcome;
import uk.csc.workflow.referral.ReferralCodes.NextStep;
import uk.csc.workflow.referral.ReferralCodes.ProposedResponse;
import uk.csc.workflow.referral.ReferralCodes.ReferralDecision;
import uk.csc.workflow.referral.ReferralCodes.RiskLevel;
import uk.csc.workflow.referral.ReferralCodes.S47Outcome;
import uk.csc.workflow.referral.ReferralCodes.ScreeningDecision;
import uk.csc.workflow.referral.ReferralCodes.StrategyDecision;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * The decisions of the referral route. Each method validates what a practitioner submitted,
 * records it in the case tables and answers the routing values the process continues with.
 * A validation failure changes nothing.
 */
@Service
@Transactional
public class ReferralService {

    static final String REFERRAL_DECISION_RULE = StatutoryRuleIds.REFERRAL_DECISION;
    static final String ICPC_RULE = StatutoryRuleIds.ICPC;
    private static final String CASE = "CASE";

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final CaseClocks deadlines;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TimeSource time;

    ReferralService(JdbcClient jdbc, CaseFileService cases, CaseClocks deadlines, StaffDirectory staff, AuditLog audit,
                    TimeSource time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.staff = staff;
        this.audit = audit;
        this.time = time;
    }

    // ---- clocks ---------------------------------------------------------------------------

    public StatutoryClockStarted startAssessment(long caseId, AssessmentKind kind, LocalDate startedOn) {
        CaseRecord record = cases.get(caseId);
        StatutoryClockStarted clock = deadlines.start(caseId, kind.name() + "_ASSESSMENT", startedOn,
                GuidanceProfile.valueOf(record.profile()));
        boolean exists = jdbc.sql("SELECT count(*) FROM assessment WHERE case_id = :c AND kind = :k")
                .param("c", caseId).param("k", kind.name()).query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("INSERT INTO assessment (case_id, kind, started_on, due_on) VALUES (:c, :k, :s, :d)")
                    .param("c", caseId).param("k", kind.name()).param("s", clock.startedOn()).param("d", clock.dueOn())
                    .update();
        }
        cases.moveTo(caseId, CaseStage.valueOf(kind.name() + "_ASSESSMENT"));
        return clock;
    }

    public void proposeResponse(long contactId, ProposedResponse proposed) {
        jdbc.sql("UPDATE contact SET proposed_response = :p WHERE id = :id").param("p", proposed.name()).param("id", contactId).update();
    }

    public void moveTo(long caseId, CaseStage stage) {
        cases.moveTo(caseId, stage);
    }

    public void endRoute(long caseId, CaseOutcome outcome) {
        cases.endRoute(caseId, outcome);
    }

    // ---- multi-agency screening -------------------------------------------------------------

    public Map<String, Object> contribute(long caseId, long contactId, Agency agency, FormValues form, String userId) {
        String information = form.text("information", 4000);
        RiskLevel risk = form.code("riskLevel", RiskLevel.class);
        form.validate();
        jdbc.sql("""
                INSERT INTO screening_contribution (contact_id, agency, information, risk_level, contributed_by, contributed_at)
                VALUES (:contact, :agency, :info, :risk, :by, :at)""")
                .param("contact", contactId).param("agency", agency.name()).param("info", information)
                .param("risk", risk.name()).param("by", userId).param("at", now()).update();
        audit(userId, AuditLog.Action.UPDATE, caseId, agency + " screening contribution");
        return Map.of();
    }

    public Map<String, Object> screen(long caseId, long contactId, FormValues form, String userId) {
        ScreeningDecision decision = form.code("screeningDecision", ScreeningDecision.class);
        String reason = form.text("screeningReason", 2000);
        form.validate();
        jdbc.sql("""
                UPDATE contact SET screening_decision = :d, screening_reason = :r, screened_by = :by, screened_at = :at
                WHERE id = :id""")
                .param("d", decision.name()).param("r", reason).param("by", userId).param("at", now()).param("id", contactId)
                .update();
        if (decision != ScreeningDecision.REFER) {
            // Screening out is the decision on the contact: the one-working-day clock stops here.
            deadlines.complete(caseId, REFERRAL_DECISION_RULE, time.today());
        }
        audit(userId, AuditLog.Action.DECIDE, caseId, "screening decision " + decision);
        return Map.of(SCREENING_DECISION, decision.name());
    }

    // ---- the referral decision --------------------------------------------------------------

    /**
     * The qualified manager's decision (DCSF definitions). Overriding the proposed response needs
     * a reason. Accepting makes today the referral date, which starts the assessment clock.
     */
    public Map<String, Object> decide(long caseId, long contactId, String proposed, FormValues form, String userId) {
        ReferralDecision decision = form.code("referralDecision", ReferralDecision.class);
        String reason = form.optionalText("decisionReason", 2000);
        if (decision != null && !follows(decision, proposed) && reason == null && !form.hasProblem("decisionReason")) {
            form.problem("decisionReason", "give a reason for not following the proposed response (" + proposed + ")");
        }
        form.validate();
        LocalDate today = time.today();
        jdbc.sql("UPDATE contact SET decision = :d, decision_reason = :r, decided_by = :by, decided_at = :at WHERE id = :id")
                .param("d", decision.name()).param("r", reason).param("by", userId).param("at", now()).param("id", contactId)
                .update();
        deadlines.complete(caseId, REFERRAL_DECISION_RULE, today);
        Map<String, Object> routing = new HashMap<>();
        routing.put(REFERRAL_DECISION, decision.name());
        if (decision == ReferralDecision.ACCEPT_REFERRAL || decision == ReferralDecision.STRATEGY_DISCUSSION) {
            cases.recordReferralDate(caseId, today);
            routing.put(REFERRAL_DATE, today.toString());
        }
        audit(userId, AuditLog.Action.DECIDE, caseId, "referral decision " + decision);
        return routing;
    }

    private static boolean follows(ReferralDecision decision, String proposed) {
        if (proposed == null) {
            return true;
        }
        return switch (ProposedResponse.valueOf(proposed)) {
            case INFORMATION_AND_ADVICE -> decision == ReferralDecision.INFORMATION_AND_ADVICE;
            case EARLY_HELP -> decision == ReferralDecision.EARLY_HELP;
            case ASSESSMENT -> decision == ReferralDecision.ACCEPT_REFERRAL;
            case STRATEGY_DISCUSSION -> decision == ReferralDecision.STRATEGY_DISCUSSION;
        };
    }

    public Map<String, Object> allocate(long caseId, FormValues form, String userId) {
        String worker = form.text("allocatedWorker", 64);
        CaseRecord record = cases.get(caseId);
        if (worker != null && !staff.holds(worker, Groups.PRACTITIONER, record.team())) {
            form.problem("allocatedWorker", "not a social worker of " + staff.groupName(record.team()).orElse(record.team()));
        }
        form.validate();
        cases.allocate(caseId, worker, userId);
        return Map.of(WORKER, worker);
    }

    // ---- assessments ------------------------------------------------------------------------

    public Map<String, Object> completeAssessment(long caseId, AssessmentKind kind, FormValues form, String userId) {
        LocalDate today = time.today();
        LocalDate startedOn = assessmentStart(caseId, kind);
        DateBound started = DateBound.latest(cases.earliestEvent(caseId), new DateBound(startedOn, "the start of the assessment"));
        LocalDate seen = form.date("childSeenOn");
        LocalDate completed = form.pastDate("completedOn", today, started);
        CategoryOfNeed need = form.code("categoryOfNeed", CategoryOfNeed.class);
        String summary = form.text("summary", 4000);
        AssessmentOutcome recommendation = form.code("recommendation", AssessmentOutcome.class);
        if (seen != null && (seen.isAfter(today) || seen.isBefore(startedOn))) {
            form.problem("childSeenOn", "must be between the assessment start (" + startedOn + ") and today");
        }
        form.notBefore("childSeenOn", seen, started);
        if (seen != null && completed != null && completed.isBefore(seen) && !form.hasProblem("completedOn")) {
            form.problem("completedOn", "an assessment cannot be completed before the child is seen (" + seen + ")");
        }
        if (recommendation != null && !allowedOutcomes(kind, profileOf(caseId)).contains(recommendation)) {
            form.problem("recommendation", notAnOutcome(recommendation, kind));
        }
        form.validate();
        jdbc.sql("""
                UPDATE assessment SET child_seen_on = :seen, completed_on = :done, completed_by = :by,
                       category_of_need = :need, summary = :summary, recommendation = :rec
                WHERE case_id = :c AND kind = :k""")
                .param("seen", seen).param("done", completed).param("by", userId).param("need", need.name())
                .param("summary", summary).param("rec", recommendation.name()).param("c", caseId).param("k", kind.name())
                .update();
        audit(userId, AuditLog.Action.UPDATE, caseId, kind + " assessment completed");
        return Map.of(RECOMMENDATION, recommendation.name());
    }

    /**
     * The manager's authorisation. Returning it to the worker keeps the clock running; any
     * other outcome stops it on the authorisation date (the date the next step can open).
     */
    public Map<String, Object> authoriseAssessment(long caseId, AssessmentKind kind, FormValues form, String userId) {
        AssessmentOutcome outcome = form.code("assessmentOutcome", AssessmentOutcome.class);
        String reason = form.text("outcomeReason", 2000);
        String criteria = form.optionalText("transferCriteria", 2000);
        if (outcome != null && outcome != AssessmentOutcome.RETURN_TO_WORKER && !allowedOutcomes(kind, profileOf(caseId)).contains(outcome)) {
            form.problem("assessmentOutcome", notAnOutcome(outcome, kind));
        }
        if (outcome == AssessmentOutcome.CARE_MANAGEMENT && criteria == null && !form.hasProblem("transferCriteria")) {
            form.problem("transferCriteria", "record the criteria met for transfer to care management");
        }
        form.validate();
        LocalDate today = time.today();
        if (outcome == AssessmentOutcome.RETURN_TO_WORKER) {
            jdbc.sql("UPDATE assessment SET returned_count = returned_count + 1, outcome_reason = :r WHERE case_id = :c AND kind = :k")
                    .param("r", reason).param("c", caseId).param("k", kind.name()).update();
        } else {
            jdbc.sql("""
                    UPDATE assessment SET authorised_by = :by, authorised_on = :on, outcome = :o, outcome_reason = :r,
                           transfer_criteria = :t WHERE case_id = :c AND kind = :k""")
                    .param("by", userId).param("on", today).param("o", outcome.name()).param("r", reason)
                    .param("t", criteria).param("c", caseId).param("k", kind.name()).update();
            deadlines.complete(caseId, kind.name() + "_ASSESSMENT", today);
        }
        audit(userId, AuditLog.Action.DECIDE, caseId, kind + " assessment: " + outcome);
        Map<String, Object> routing = new HashMap<>();
        routing.put(ASSESSMENT_OUTCOME, outcome.name());
        if (outcome == AssessmentOutcome.CORE_ASSESSMENT) {
            routing.put(CORE_ASSESSMENT_STARTED_ON, today.toString());
        }
        return routing;
    }

    /**
     * What an assessment may lead to. Under the Families First profile a single assessment may also
     * lead to a Family Help plan with a lead practitioner (and only there).
     */
    static Set<AssessmentOutcome> allowedOutcomes(AssessmentKind kind, GuidanceProfile profile) {
        if (kind == AssessmentKind.SINGLE && profile == GuidanceProfile.FAMILIES_FIRST) {
            return Set.of(AssessmentOutcome.CLOSE, AssessmentOutcome.CHILD_IN_NEED_PLAN, AssessmentOutcome.FAMILY_HELP_PLAN,
                    AssessmentOutcome.CARE_MANAGEMENT, AssessmentOutcome.STRATEGY_DISCUSSION, AssessmentOutcome.PANEL);
        }
        return switch (kind) {
            case INITIAL -> Set.of(AssessmentOutcome.CLOSE, AssessmentOutcome.CHILD_IN_NEED_PLAN,
                    AssessmentOutcome.CORE_ASSESSMENT, AssessmentOutcome.STRATEGY_DISCUSSION, AssessmentOutcome.PANEL);
            case CORE, SINGLE -> Set.of(AssessmentOutcome.CLOSE, AssessmentOutcome.CHILD_IN_NEED_PLAN,
                    AssessmentOutcome.CARE_MANAGEMENT, AssessmentOutcome.STRATEGY_DISCUSSION, AssessmentOutcome.PANEL);
        };
    }

    private GuidanceProfile profileOf(long caseId) {
        return GuidanceProfile.valueOf(cases.get(caseId).profile());
    }

    private static String notAnOutcome(AssessmentOutcome outcome, AssessmentKind kind) {
        return outcome == AssessmentOutcome.FAMILY_HELP_PLAN
                ? "a Family Help plan follows a single assessment under the Families First profile only"
                : outcome + " is not an outcome of a " + kind.name().toLowerCase() + " assessment";
    }

    private LocalDate assessmentStart(long caseId, AssessmentKind kind) {
        return jdbc.sql("SELECT started_on FROM assessment WHERE case_id = :c AND kind = :k")
                .param("c", caseId).param("k", kind.name()).query(LocalDate.class).optional()
                .orElseThrow(() -> new IllegalStateException("No " + kind + " assessment on case " + caseId));
    }

    // ---- child protection: strategy discussion, s47 enquiry, initial conference ---------------

    public Map<String, Object> holdStrategyDiscussion(long caseId, FormValues form, String userId) {
        LocalDate heldOn = form.date("strategyHeldOn");
        String attendees = form.text("strategyAttendees", 1000);
        StrategyDecision decision = form.code("strategyDecision", StrategyDecision.class);
        NextStep next = form.optionalCode("nextStep", NextStep.class);
        String reason = form.text("strategyReason", 2000);
        LocalDate referralDate = cases.get(caseId).referralDate();
        if (heldOn != null && (heldOn.isAfter(time.today()) || (referralDate != null && heldOn.isBefore(referralDate)))) {
            form.problem("strategyHeldOn", "must be between the referral date and today");
        }
        form.notBefore("strategyHeldOn", heldOn, cases.earliestEvent(caseId));
        if (decision == StrategyDecision.NO_S47 && next == null && !form.hasProblem("nextStep")) {
            form.problem("nextStep", "choose the next step when there is no s47 enquiry");
        }
        form.validate();
        jdbc.sql("""
                INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision,
                                                      strategy_reason, next_step, recorded_by)
                VALUES (:c, :held, :att, :dec, :reason, :next, :by)""")
                .param("c", caseId).param("held", heldOn).param("att", attendees).param("dec", decision.name())
                .param("reason", reason).param("next", next == null ? null : next.name()).param("by", userId).update();
        audit(userId, AuditLog.Action.DECIDE, caseId, "strategy discussion: " + decision);
        Map<String, Object> routing = new HashMap<>();
        routing.put(STRATEGY_DECISION, decision.name());
        routing.put(STRATEGY_HELD_ON, heldOn.toString());
        routing.put(NEXT_STEP, next == null ? null : next.name());
        return routing;
    }

    // ---- multi-agency child protection (csc.child-protection.multi-agency) ---------------------

    /**
     * An agency member of the multi-agency child protection team says what their agency knows, before the
     * strategy discussion ({@code stage} STRATEGY_DISCUSSION) or for the s47 enquiry (S47_ENQUIRY). Recorded in
     * the case tables; the process keeps none of it.
     */
    public Map<String, Object> contributeToChildProtection(long caseId, CaseStage stage, Agency agency, FormValues form, String userId) {
        String information = form.text("information", 4000);
        RiskLevel risk = form.code("riskLevel", RiskLevel.class);
        form.validate();
        Long enquiry = stage == CaseStage.S47_ENQUIRY ? currentEnquiry(caseId) : null;
        jdbc.sql("""
                INSERT INTO child_protection_contribution (case_id, enquiry_id, stage, agency, information, risk_level,
                                                           contributed_by, contributed_at)
                VALUES (:c, :e, :stage, :agency, :info, :risk, :by, :at)""")
                .param("c", caseId).param("e", enquiry).param("stage", stage.name()).param("agency", agency.name())
                .param("info", information).param("risk", risk.name()).param("by", userId).param("at", now()).update();
        audit(userId, AuditLog.Action.UPDATE, caseId, agency + " contribution to the " + (stage == CaseStage.S47_ENQUIRY
                ? "s47 enquiry" : "strategy discussion"));
        return Map.of();
    }

    /**
     * The lead child protection practitioner holds the multi-agency strategy discussion: the same record and rules
     * as {@link #holdStrategyDiscussion}, with the lead recorded on the enquiry and the agencies' contributions
     * linked to it. The lead completes the s47 enquiry and leads the plan a conference decides.
     */
    public Map<String, Object> leadStrategyDiscussion(long caseId, FormValues form, String userId) {
        Map<String, Object> routing = new HashMap<>(holdStrategyDiscussion(caseId, form, userId));
        long enquiry = currentEnquiry(caseId);
        jdbc.sql("UPDATE child_protection_enquiry SET lead_practitioner = :lead WHERE id = :id")
                .param("lead", userId).param("id", enquiry).update();
        jdbc.sql("""
                UPDATE child_protection_contribution SET enquiry_id = :e
                WHERE case_id = :c AND stage = 'STRATEGY_DISCUSSION' AND enquiry_id IS NULL""")
                .param("e", enquiry).param("c", caseId).update();
        routing.put(LEAD_PRACTITIONER, userId);
        return routing;
    }

    public Map<String, Object> concludeS47(long caseId, FormValues form, String userId) {
        LocalDate concluded = form.pastDate("s47ConcludedOn", time.today(), strategyHeld(caseId));
        S47Outcome outcome = form.code("s47Outcome", S47Outcome.class);
        NextStep next = form.optionalCode("nextStep", NextStep.class);
        String reason = form.text("s47Reason", 2000);
        if (outcome == S47Outcome.NOT_SUBSTANTIATED && next == null && !form.hasProblem("nextStep")) {
            form.problem("nextStep", "choose the next step when concerns are not substantiated");
        }
        form.validate();
        jdbc.sql("""
                UPDATE child_protection_enquiry SET s47_concluded_on = :d, s47_outcome = :o, s47_reason = :r, next_step = :n
                WHERE id = :id""")
                .param("d", concluded).param("o", outcome.name()).param("r", reason)
                .param("n", next == null ? null : next.name()).param("id", currentEnquiry(caseId)).update();
        if (outcome == S47Outcome.NOT_SUBSTANTIATED) {
            // No conference is needed: the ICPC clock is answered by the enquiry's conclusion.
            deadlines.complete(caseId, ICPC_RULE, concluded);
        }
        audit(userId, AuditLog.Action.DECIDE, caseId, "s47 enquiry: " + outcome);
        Map<String, Object> routing = new HashMap<>();
        routing.put(S47_OUTCOME, outcome.name());
        routing.put(CONFERENCE_OUTCOME, null);
        routing.put(NEXT_STEP, next == null ? null : next.name());
        return routing;
    }

    public Map<String, Object> holdConference(long caseId, FormValues form, String userId) {
        LocalDate heldOn = form.pastDate("conferenceHeldOn", time.today(), strategyHeld(caseId));
        ConferenceOutcome outcome = form.code("conferenceOutcome", ConferenceOutcome.class);
        CategoryOfAbuse category = form.optionalCode("categoryOfAbuse", CategoryOfAbuse.class);
        NextStep next = form.optionalCode("nextStep", NextStep.class);
        if (outcome == ConferenceOutcome.CP_PLAN && category == null && !form.hasProblem("categoryOfAbuse")) {
            form.problem("categoryOfAbuse", "a child protection plan needs its category of abuse");
        }
        if (outcome == ConferenceOutcome.NO_PLAN && next == null && !form.hasProblem("nextStep")) {
            form.problem("nextStep", "choose the next step when there is no plan");
        }
        if (outcome == ConferenceOutcome.CP_PLAN) {
            openPlanElsewhere(caseId).ifPresent(other -> form.problem("conferenceOutcome", "the child is already on a child protection "
                    + "plan (case " + other + "): the new concerns go to that plan's review conference, not to a second plan"));
        }
        form.validate();
        jdbc.sql("""
                UPDATE child_protection_enquiry SET conference_held_on = :d, conference_outcome = :o, category_of_abuse = :c,
                       next_step = :n WHERE id = :id""")
                .param("d", heldOn).param("o", outcome.name()).param("c", category == null ? null : category.name())
                .param("n", next == null ? null : next.name()).param("id", currentEnquiry(caseId)).update();
        deadlines.complete(caseId, ICPC_RULE, heldOn);
        audit(userId, AuditLog.Action.DECIDE, caseId, "initial child protection conference: " + outcome);
        Map<String, Object> routing = new HashMap<>();
        routing.put(CONFERENCE_OUTCOME, outcome.name());
        routing.put(NEXT_STEP, next == null ? null : next.name());
        return routing;
    }

    /**
     * The case of a child protection plan the case's child is on through another case, if any: a
     * child is on one plan at a time (the CIN census refuses overlapping plans). The plans' own
     * table, read here because the plans feature builds on this one, not the other way round.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> openPlanElsewhere(long caseId) {
        return jdbc.sql("""
                SELECT c.case_ref FROM child_plan p JOIN care_case c ON c.id = p.case_id
                WHERE p.kind = 'CP' AND p.ended_on IS NULL AND p.case_id <> :c
                  AND p.child_id = (SELECT child_id FROM care_case WHERE id = :c) ORDER BY p.started_on""")
                .param("c", caseId).query(String.class).list().stream().findFirst();
    }

    /** The s47 enquiry and the conference follow the strategy discussion that started them. */
    private DateBound strategyHeld(long caseId) {
        LocalDate held = jdbc.sql("SELECT strategy_held_on FROM child_protection_enquiry WHERE id = :id")
                .param("id", currentEnquiry(caseId)).query(LocalDate.class).optional().orElse(null);
        return DateBound.latest(cases.earliestEvent(caseId), held == null ? null : new DateBound(held, "the strategy discussion"));
    }

    /** The case's latest initial conference that decided a child protection plan, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<PlanConference> latestPlanConference(long caseId) {
        return jdbc.sql("""
                SELECT conference_held_on, category_of_abuse, lead_practitioner FROM child_protection_enquiry
                WHERE case_id = :c AND conference_outcome = 'CP_PLAN' ORDER BY conference_held_on DESC, id DESC""")
                .param("c", caseId)
                .query((rs, n) -> new PlanConference(rs.getObject(1, LocalDate.class), CategoryOfAbuse.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list().stream().findFirst();
    }

    private long currentEnquiry(long caseId) {
        return jdbc.sql("SELECT max(id) FROM child_protection_enquiry WHERE case_id = :c").param("c", caseId)
                .query(Long.class).single();
    }

    private void audit(String userId, AuditLog.Action action, long caseId, String detail) {
        audit.record(userId, action, CASE, cases.get(caseId).caseRef(), detail);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
