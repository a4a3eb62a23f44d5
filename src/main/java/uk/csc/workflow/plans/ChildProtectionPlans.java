package uk.csc.workflow.plans;

import static uk.csc.workflow.plans.ChildProtectionPlanModel.Variables.PLAN_ENDING;
import static uk.csc.workflow.plans.ChildProtectionPlanModel.Variables.REVIEW_DECISION;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.plans.PlanCodes.CpPlanEnding;
import uk.csc.workflow.plans.PlanCodes.CpReviewDecision;
import uk.csc.workflow.plans.PlanCodes.CpSource;
import uk.csc.workflow.plans.PlanItems.Timing;
import uk.csc.workflow.plans.PlanRepository.Done;
import uk.csc.workflow.plans.PlanRepository.Item;
import uk.csc.workflow.plans.PlanRepository.NewPlan;
import uk.csc.workflow.plans.PlanRepository.Plan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.PlanConference;
import uk.csc.workflow.referral.ReferralCodes.CategoryOfAbuse;
import uk.csc.workflow.referral.ReferralService;

/**
 * Child protection plans (Working Together): started by the initial conference that decided one or
 * by a transfer-in conference, numbered per child (a second or later plan counts for NI 65); the
 * core group, the statutory visits and the review conferences, each validated and recorded; the
 * plan's category changed and the plan ended at a review. A validation failure changes nothing.
 */
@Service
@Transactional
public class ChildProtectionPlans {

    private static final int MOST_PREVIOUS_PLANS = 20;

    private final PlanRepository plans;
    private final PlanItems items;
    private final CaseFileService cases;
    private final ReferralService referrals;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final TimeSource time;

    ChildProtectionPlans(PlanRepository plans, PlanItems items, CaseFileService cases, ReferralService referrals,
                         StaffDirectory staff, AuditLog audit, TimeSource time) {
        this.plans = plans;
        this.items = items;
        this.cases = cases;
        this.referrals = referrals;
        this.staff = staff;
        this.audit = audit;
        this.time = time;
    }

    /** The referral route's initial conference decided a plan: it starts on the conference's date, in its category. */
    public long startFromConference(long caseId, String userId) {
        PlanConference conference = referrals.latestPlanConference(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no conference that decided a plan"));
        long planId = start(cases.get(caseId), CpSource.INITIAL_CONFERENCE, conference.heldOn(), conference.category(), 0, null, userId);
        if (conference.leadPractitioner() != null) {
            plans.recordLead(planId, conference.leadPractitioner());
        }
        return planId;
    }

    /**
     * Who works the plan's tasks (core groups, visits): the lead child protection practitioner who led a multi-agency
     * team's enquiry, if one did; otherwise the case's allocated social worker.
     */
    @Transactional(readOnly = true)
    public String worker(long planId, String allocatedWorker) {
        return plans.lead(planId).orElse(allocatedWorker);
    }

    /**
     * A transfer-in conference for a child who moved in on another council's plan: {@code conferenceHeldOn},
     * {@code categoryOfAbuse}, {@code originatingAuthority}, optional {@code previousPlansElsewhere}
     * (plans before the one the child moved in on) and {@code allocatedWorker} (required when the case
     * has no social worker). Refused for a child already on a child protection plan, on this case or
     * through another. Every problem is reported at once (400); nothing is recorded then.
     */
    public long startTransferIn(CaseRecord record, FormValues form, String userId) {
        LocalDate heldOn = form.pastDate("conferenceHeldOn", time.today());
        CategoryOfAbuse category = form.code("categoryOfAbuse", CategoryOfAbuse.class);
        String authority = form.text("originatingAuthority", 100);
        int elsewhere = wholeNumber(form, "previousPlansElsewhere");
        String worker = form.optionalText("allocatedWorker", 64);
        if (worker == null && record.worker() == null) {
            form.problem("allocatedWorker", "the case has no social worker: allocate one for the plan");
        } else if (worker != null && !staff.membersOf(Groups.PRACTITIONER, record.team()).contains(worker)) {
            form.problem("allocatedWorker", "'" + worker + "' is not a practitioner in " + record.team());
        }
        if (!cases.isOpen(record.id())) {
            form.problem("caseRef", "case " + record.caseRef() + " is closed");
        }
        if (plans.open(record.id(), PlanKind.CP).isPresent()) {
            form.problem("caseRef", "the child is already on a child protection plan on case " + record.caseRef());
        } else {
            // A child is on one plan at a time, whichever case holds it (the same check as the initial conference's).
            referrals.openPlanElsewhere(record.id()).ifPresent(other -> form.problem("caseRef", "the child is already on a child "
                    + "protection plan (case " + other + "): a transfer-in conference does not start a second plan"));
        }
        if (plans.open(record.id(), PlanKind.CIN).isPresent()) {
            form.problem("caseRef", "the child is on a child in need plan here: step it up instead");
        }
        form.validate();
        if (worker != null) {
            cases.allocate(record.id(), worker, userId);
        }
        return start(cases.get(record.id()), CpSource.TRANSFER_IN, heldOn, category, elsewhere, authority, userId);
    }

    /** Optional: none given is none elsewhere; otherwise the shared rule for a whole number. */
    private static int wholeNumber(FormValues form, String field) {
        if (!form.has(field)) {
            return 0;
        }
        Integer value = form.wholeNumber(field, 0, MOST_PREVIOUS_PLANS);
        return value == null ? 0 : value;
    }

    private long start(CaseRecord record, CpSource source, LocalDate startedOn, CategoryOfAbuse category, int elsewhere,
                       String authority, String userId) {
        int number = 1 + plans.earlierChildProtectionPlans(record.childId()) + elsewhere;
        long planId = plans.insert(new NewPlan(PlanKind.CP, record.id(), record.childId(), source.name(), startedOn, category.name(),
                number, elsewhere, authority, userId), time.now());
        audit.record(userId, AuditLog.Action.CREATE, "CASE", record.caseRef(), "child protection plan " + number + " started ("
                + source + ", " + category + ")" + (number > 1 ? ": a second or later plan" : ""));
        return planId;
    }

    public void attachProcess(long planId, String processInstanceId) {
        plans.attachProcess(planId, processInstanceId);
    }

    /** The case's child protection plan that a process is running. */
    @Transactional(readOnly = true)
    public Optional<OpenPlan> openPlan(long caseId) {
        return plans.open(caseId, PlanKind.CP).map(p -> new OpenPlan(p.id(), p.caseId(), p.processInstanceId()));
    }

    // ---- the clocks -------------------------------------------------------------------------

    /** The first core group meeting within 10 working days of the conference; then at the council's frequency. */
    public PlanClock nextCoreGroup(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.CORE_GROUP, StatutoryRuleIds.CORE_GROUP_FIRST, StatutoryRuleIds.CORE_GROUP_NEXT);
    }

    public PlanClock nextVisit(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.VISIT, StatutoryRuleIds.CP_VISIT, StatutoryRuleIds.CP_VISIT);
    }

    /** The first review within 3 months of the conference, then within 6 months of the date the previous one was held. */
    public PlanClock nextReview(long planId) {
        return items.scheduleNext(plans.get(planId), ItemKind.REVIEW, StatutoryRuleIds.CP_REVIEW_FIRST, StatutoryRuleIds.CP_REVIEW_NEXT);
    }

    // ---- what the tasks record --------------------------------------------------------------

    public void holdCoreGroup(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "coreGroupHeldOn", false);
        String attendees = form.text("attendees", 1000);
        String progress = form.text("progress", 4000);
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), attendees, null, progress, null, null, null,
                null, userId));
        audited(userId, item, "core group meeting " + item.number() + " held on " + timing.doneOn() + (timing.late() ? " (late)" : ""));
    }

    public void recordVisit(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Timing timing = items.timing(item, form, "visitedOn", false);
        String seenAlone = form.oneOf("seenAlone", java.util.Set.of("YES", "NO"));
        String notes = form.text("visitNotes", 4000);
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, "YES".equals(seenAlone), notes, null,
                null, null, null, userId));
        audited(userId, item, "visit " + item.number() + " on " + timing.doneOn() + (timing.late() ? " (late)" : ""));
    }

    /**
     * The review conference's record and decision. A review held late is recorded as late, with the
     * reason; the next review counts from the date this one was held. Answers the routing values.
     */
    public Map<String, Object> holdReview(long itemId, FormValues form, String userId) {
        Item item = plans.item(itemId);
        Plan plan = plans.get(item.planId());
        Timing timing = items.timing(item, form, "reviewHeldOn", true);
        CpReviewDecision decision = form.code("reviewDecision", CpReviewDecision.class);
        CategoryOfAbuse category = form.optionalCode("categoryOfAbuse", CategoryOfAbuse.class);
        CpPlanEnding ending = form.optionalCode("planEnding", CpPlanEnding.class);
        String summary = form.text("reviewSummary", 4000);
        boolean changes = decision == CpReviewDecision.CHANGE_CATEGORY;
        if (changes && category == null && !form.hasProblem("categoryOfAbuse")) {
            form.problem("categoryOfAbuse", "choose the plan's new category");
        } else if (changes && category != null && category.name().equals(plan.category())) {
            form.problem("categoryOfAbuse", "the plan is already under " + category + ": choose a different category");
        }
        boolean ends = decision == CpReviewDecision.END_PLAN;
        if (ends && ending == null && !form.hasProblem("planEnding")) {
            form.problem("planEnding", "choose what happens when the plan ends");
        } else if (ends && ending == CpPlanEnding.STEP_DOWN_TO_FAMILY_HELP && !FamilyHelpPlans.appliesTo(cases.get(plan.caseId()))) {
            form.problem("planEnding", "stepping down to a Family Help plan is for cases under the Families First profile only");
        }
        form.validate();
        items.done(item, new Done(timing.doneOn(), timing.late(), timing.lateReason(), null, null, summary, decision.name(),
                changes ? category.name() : null, ends ? ending.name() : null, null, userId));
        if (changes) {
            plans.changeCategory(plan.id(), plan.category(), category.name(), timing.doneOn(), item.id(), userId);
        }
        audited(userId, item, "child protection review " + item.number() + " held on " + timing.doneOn()
                + (timing.late() ? " (late)" : "") + ": " + decision + (changes ? " to " + category : "") + (ends ? ", " + ending : ""));
        Map<String, Object> routing = new HashMap<>();
        routing.put(REVIEW_DECISION, decision.name());
        routing.put(PLAN_ENDING, ends ? ending.name() : null);
        return routing;
    }

    /** The review that ended the plan decided how: the plan closes on that date, and what was still to be held stops. */
    public void end(long planId, CpPlanEnding ending) {
        Item review = items.lastReview(planId);
        items.stopOpen(planId, review.doneOn());
        plans.end(planId, review.doneOn(), ending.name(), null, null, review.recordedBy());
        audited(review.recordedBy(), review, "child protection plan ended: " + ending);
    }

    private void audited(String userId, Item item, String detail) {
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(item.caseId()).caseRef(), detail);
    }
}
