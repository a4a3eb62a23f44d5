package uk.csc.workflow.plans;

import static uk.csc.workflow.plans.ChildInNeedPlanModel.Variables.REVIEW_DECISION;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.codes.CinCensus.ClosureReason;
import uk.csc.workflow.plans.PlanCodes.CinReviewDecision;
import uk.csc.workflow.plans.PlanCodes.CinSource;
import uk.csc.workflow.plans.PlanCodes.CpPlanEnding;
import uk.csc.workflow.plans.PlanItems.Timing;
import uk.csc.workflow.plans.PlanRepository.Done;
import uk.csc.workflow.plans.PlanRepository.Item;
import uk.csc.workflow.plans.PlanRepository.NewPlan;
import uk.csc.workflow.plans.PlanRepository.Plan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Child in need plans (Children Act 1989 s17): started by the referral route's child in need plan
 * or by a child protection plan's step-down; agreed with the family; visits and reviews at the
 * council's frequency; ended by a review (step up, step down, close with the CIN census closure
 * reason) or by concerns of significant harm between reviews. A validation failure changes nothing.
 */
@Service
@Transactional
public class ChildInNeedPlans {

    private final PlanRepository plans;
    private final PlanItems items;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;
    private final PlanAgreement agreement;
    private final PlanStepUp stepUp;

    ChildInNeedPlans(PlanRepository plans, PlanItems items, CaseFileService cases, AuditLog audit, TimeSource time, PlanAgreement agreement,
                    PlanStepUp stepUp) {
        this.stepUp = stepUp;
        this.agreement = agreement;
        this.plans = plans;
        this.items = items;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /**
     * A route ended in a child in need plan. After a child protection plan's step-down the plan
     * starts on the day that plan ended; otherwise today.
     */
    public long start(long caseId, String userId) {
        CaseRecord record = cases.get(caseId);
        Optional<Plan> steppedDown = plans.latest(caseId, PlanKind.CP)
                .filter(cp -> CpPlanEnding.STEP_DOWN_TO_CHILD_IN_NEED.name().equals(cp.ending()))
                .filter(cp -> plans.latest(caseId, PlanKind.CIN).map(cin -> cin.id() < cp.id()).orElse(true));
        CinSource source = steppedDown.isPresent() ? CinSource.CP_STEP_DOWN : CinSource.REFERRAL_ROUTE;
        LocalDate startedOn = steppedDown.map(Plan::endedOn).orElse(time.today());
        long planId = plans.insert(new NewPlan(PlanKind.CIN, caseId, record.childId(), source.name(), startedOn, null, null, 0, null,
                userId), time.now());
        audit.record(userId, AuditLog.Action.CREATE, "CASE", record.caseRef(), "child in need plan started (" + source + ")");
        return planId;
    }

    public void attachProcess(long planId, String processInstanceId) {
        plans.attachProcess(planId, processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<OpenPlan> openPlan(long caseId) {
        return plans.open(caseId, PlanKind.CIN).map(p -> new OpenPlan(p.id(), p.caseId(), p.processInstanceId()));
    }

    public PlanClock nextVisit(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.VISIT, StatutoryRuleIds.CIN_VISIT, StatutoryRuleIds.CIN_VISIT);
    }

    public PlanClock nextReview(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.REVIEW, StatutoryRuleIds.CIN_PLAN_REVIEW, StatutoryRuleIds.CIN_PLAN_REVIEW);
    }

    /** The plan as agreed with the child and family. */
    public void agree(long planId, FormValues form, String userId) {
        agreement.agree(planId, form, userId, "child in need plan");
    }

    public void recordVisit(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "visitedOn", false);
        String seenAlone = form.oneOf("seenAlone", Set.of("YES", "NO"));
        String notes = form.text("visitNotes", 4000);
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, "YES".equals(seenAlone), notes, null,
                null, null, null, userId));
        audited(userId, item, "child in need visit " + item.number() + " on " + timing.doneOn() + (timing.late() ? " (late)" : ""));
    }

    /**
     * The review's record and decision; closing the plan or stepping down needs the CIN census
     * closure reason; stepping down to Family Help is for a case under the Families First profile only.
     * Answers the routing value.
     */
    public Map<String, Object> holdReview(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "reviewHeldOn", true);
        CinReviewDecision decision = form.code("reviewDecision", CinReviewDecision.class);
        ClosureReason reason = form.optionalCode("closureReason", ClosureReason.class);
        String summary = form.text("reviewSummary", 4000);
        boolean closes = decision != null && decision.closesEpisode();
        if (closes && reason == null && !form.hasProblem("closureReason")) {
            form.problem("closureReason", "closing the child in need episode needs its CIN census closure reason (RC1 to RC9)");
        }
        if (decision == CinReviewDecision.STEP_DOWN_TO_FAMILY_HELP && !FamilyHelpPlans.appliesTo(cases.get(item.caseId()))) {
            form.problem("reviewDecision", "stepping down to a Family Help plan is for cases under the Families First profile only");
        }
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, null, summary, decision.name(), null,
                decision == CinReviewDecision.CONTINUE ? null : decision.name(), closes ? reason.name() : null, userId));
        audited(userId, item, "child in need review " + item.number() + " held on " + timing.doneOn() + (timing.late() ? " (late)" : "")
                + ": " + decision + (closes ? " (" + reason + ")" : ""));
        return Map.of(REVIEW_DECISION, decision.name());
    }

    /** The review that ended the plan decided how: the plan closes on that date, and what was still to be held stops. */
    public void end(long planId, CinReviewDecision ending) {
        Item review = items.lastReview(planId);
        items.stopOpen(planId, review.doneOn());
        plans.end(planId, review.doneOn(), ending.name(), review.closureReason(), null, review.recordedBy());
        audited(review.recordedBy(), review, "child in need plan ended: " + ending
                + (review.closureReason() == null ? "" : " (" + review.closureReason() + ")"));
    }

    /** Concerns of significant harm between reviews: the plan ends today for a strategy discussion. */
    public void stepUpNow(long planId, String reason, String userId) {
        stepUp.endToday(planId, CinReviewDecision.STEP_UP, reason, userId, "child in need plan");
    }

    /** Checks a request to step up between reviews (400 naming {@code reason} when it is missing). */
    public String stepUpReason(FormValues form) {
        return stepUp.reason(form);
    }

    private void audited(String userId, Item item, String detail) {
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(item.caseId()).caseRef(), detail);
    }
}
