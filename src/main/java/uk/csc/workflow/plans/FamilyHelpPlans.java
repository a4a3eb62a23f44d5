package uk.csc.workflow.plans;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.plans.PlanCodes.FamilyHelpReviewDecision;
import uk.csc.workflow.plans.PlanCodes.FamilyHelpSource;
import uk.csc.workflow.plans.PlanItems.Timing;
import uk.csc.workflow.plans.PlanRepository.Done;
import uk.csc.workflow.plans.PlanRepository.Item;
import uk.csc.workflow.plans.PlanRepository.NewPlan;
import uk.csc.workflow.plans.PlanRepository.Plan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * Family Help plans (the Families First profile, {@code FAMILIES_FIRST}): one Family Help service
 * across targeted early help and child in need, with a lead practitioner (the case's allocated
 * worker), started by a single assessment's outcome or by a child in need or child protection plan's
 * step-down; agreed with the family; reviewed at the council's frequency ({@code FAMILY_HELP_REVIEW},
 * each review counted from the date the previous one was held) and visited by the lead practitioner
 * ({@code FAMILY_HELP_VISIT}); ended by a review that steps up to a strategy discussion, steps down to
 * universal services or closes the plan, or by concerns of significant harm between reviews. A
 * validation failure changes nothing.
 */
@Service
@Transactional
public class FamilyHelpPlans {

    /** The ending of a child in need or child protection plan that steps the child down to Family Help (both enums name it so). */
    private static final String STEPPED_DOWN = PlanCodes.CpPlanEnding.STEP_DOWN_TO_FAMILY_HELP.name();

    private final PlanRepository plans;
    private final PlanItems items;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;
    private final PlanAgreement agreement;
    private final PlanStepUp stepUp;

    FamilyHelpPlans(PlanRepository plans, PlanItems items, CaseFileService cases, AuditLog audit, TimeSource time, PlanAgreement agreement,
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
     * A route ended in a Family Help plan. After a child in need or child protection plan's review
     * stepped the child down, the plan starts on the day that plan ended (its source says which);
     * otherwise (the single assessment) today.
     */
    public long start(long caseId, String userId) {
        CaseRecord record = cases.get(caseId);
        Optional<Plan> steppedDown = Stream.of(plans.latest(caseId, PlanKind.CIN), plans.latest(caseId, PlanKind.CP))
                .flatMap(Optional::stream)
                .filter(p -> STEPPED_DOWN.equals(p.ending()))
                .filter(p -> plans.latest(caseId, PlanKind.FH).map(fh -> fh.id() < p.id()).orElse(true))
                .max(Comparator.comparingLong(Plan::id));
        FamilyHelpSource source = steppedDown.map(p -> p.kind() == PlanKind.CP ? FamilyHelpSource.CP_STEP_DOWN : FamilyHelpSource.CIN_STEP_DOWN)
                .orElse(FamilyHelpSource.SINGLE_ASSESSMENT);
        LocalDate startedOn = steppedDown.map(Plan::endedOn).orElse(time.today());
        long planId = plans.insert(new NewPlan(PlanKind.FH, caseId, record.childId(), source.name(), startedOn, null, null, 0, null, userId),
                time.now());
        audit.record(userId, AuditLog.Action.CREATE, "CASE", record.caseRef(), "Family Help plan started (" + source + "), lead practitioner "
                + (record.worker() == null ? "not yet allocated" : record.worker()));
        return planId;
    }

    /** Family Help plans run under the Families First profile only: a case keeps the profile it started under. */
    public static boolean appliesTo(CaseRecord record) {
        return GuidanceProfile.valueOf(record.profile()) == GuidanceProfile.FAMILIES_FIRST;
    }

    public void attachProcess(long planId, String processInstanceId) {
        plans.attachProcess(planId, processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<OpenPlan> openPlan(long caseId) {
        return plans.open(caseId, PlanKind.FH).map(p -> new OpenPlan(p.id(), p.caseId(), p.processInstanceId()));
    }

    public PlanClock nextReview(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.REVIEW, StatutoryRuleIds.FAMILY_HELP_REVIEW, StatutoryRuleIds.FAMILY_HELP_REVIEW);
    }

    public PlanClock nextVisit(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.VISIT, StatutoryRuleIds.FAMILY_HELP_VISIT, StatutoryRuleIds.FAMILY_HELP_VISIT);
    }

    /** The lead practitioner's visit to the child: the next one counts from the date of this one. */
    public void recordVisit(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "visitedOn", false);
        String seenAlone = form.oneOf("seenAlone", Set.of("YES", "NO"));
        String notes = form.text("visitNotes", 4000);
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, "YES".equals(seenAlone), notes, null,
                null, null, null, userId));
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(item.caseId()).caseRef(), "Family Help visit " + item.number()
                + " on " + timing.doneOn() + (timing.late() ? " (late)" : ""));
    }

    /** The plan as the lead practitioner agreed it with the child and family. */
    public void agree(long planId, FormValues form, String userId) {
        agreement.agree(planId, form, userId, "Family Help plan");
    }

    /** The review's record and decision. Answers the routing value. */
    public Map<String, Object> holdReview(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "reviewHeldOn", true);
        FamilyHelpReviewDecision decision = form.code("reviewDecision", FamilyHelpReviewDecision.class);
        String summary = form.text("reviewSummary", 4000);
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, null, summary, decision.name(), null,
                decision == FamilyHelpReviewDecision.CONTINUE ? null : decision.name(), null, userId));
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(item.caseId()).caseRef(), "Family Help review " + item.number()
                + " held on " + timing.doneOn() + (timing.late() ? " (late)" : "") + ": " + decision);
        return Map.of(FamilyHelpPlanModel.Variables.REVIEW_DECISION, decision.name());
    }

    /** Concerns of significant harm between reviews: the plan ends today for a strategy discussion, and what was still to come stops. */
    public void stepUpNow(long planId, String reason, String userId) {
        stepUp.endToday(planId, FamilyHelpReviewDecision.STEP_UP, reason, userId, "Family Help plan");
    }

    /** Checks a request to step up between reviews (400 naming {@code reason} when it is missing). */
    public String stepUpReason(FormValues form) {
        return stepUp.reason(form);
    }

    /** The review that ended the plan decided how: the plan ends on that date, and what was still to be held stops. */
    public void end(long planId, FamilyHelpReviewDecision ending) {
        Item review = items.lastReview(planId);
        items.stopOpen(planId, review.doneOn());
        plans.end(planId, review.doneOn(), ending.name(), null, null, review.recordedBy());
        audit.record(review.recordedBy(), AuditLog.Action.DECIDE, "CASE", cases.get(review.caseId()).caseRef(),
                "Family Help plan ended: " + ending);
    }
}
