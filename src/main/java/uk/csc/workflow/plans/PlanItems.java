package uk.csc.workflow.plans;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.plans.PlanRepository.Done;
import uk.csc.workflow.plans.PlanRepository.Item;
import uk.csc.workflow.plans.PlanRepository.Plan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * What both plans schedule: reviews, core group meetings and visits, each with its statutory
 * clock, the first counted from the plan's start and each later one from the date the previous
 * one was actually held.
 */
@Component
class PlanItems {

    /** When an item was done, whether that was late, and why. */
    record Timing(LocalDate doneOn, boolean late, String lateReason) {
    }

    private final PlanRepository plans;
    private final CaseClocks deadlines;
    private final CaseFileService cases;
    private final TimeSource time;

    PlanItems(PlanRepository plans, CaseClocks deadlines, CaseFileService cases, TimeSource time) {
        this.plans = plans;
        this.deadlines = deadlines;
        this.cases = cases;
        this.time = time;
    }

    /** The plan's next item of this kind and its clock; the one still to be held if there is one (a retried job finds it). */
    PlanClock scheduleNext(Plan plan, ItemKind kind, String firstRule, String nextRule) {
        Item item = plans.openItem(plan.id(), kind).orElseGet(() -> {
            List<Item> done = plans.done(plan.id(), kind);
            String rule = done.isEmpty() ? firstRule : nextRule;
            LocalDate from = done.isEmpty() ? plan.startedOn() : done.get(done.size() - 1).doneOn();
            int number = plans.nextNumber(plan.id(), kind);
            String occurrence = kind.occurrence(plan.kind(), plan.id(), number);
            StatutoryClockStarted started = start(plan.caseId(), rule, occurrence, from);
            return plans.item(plans.insertItem(plan.id(), plan.caseId(), kind, number, rule, occurrence, from, started.dueOn()));
        });
        StatutoryClockStarted started = start(item.caseId(), item.rule(), item.occurrence(), item.countedFrom());
        return new PlanClock(item.id(), item.number(), item.rule(), item.occurrence(), started.dueOn(), started.dueAt(),
                started.remindAt(), started.serviceManagerAt());
    }

    private StatutoryClockStarted start(long caseId, String rule, String occurrence, LocalDate from) {
        return deadlines.start(caseId, rule, occurrence, from, GuidanceProfile.valueOf(cases.get(caseId).profile()));
    }

    /**
     * Reads the date an item was done: required, not in the future, not before the date it is
     * counted from (a review: after it); after its due date a reason is required. Problems are
     * collected on the form; the caller validates.
     */
    Timing timing(Item item, FormValues form, String field, boolean strictlyAfter) {
        LocalDate doneOn = form.pastDate(field, time.today());
        String lateReason = form.optionalText("lateReason", 2000);
        if (doneOn == null) {
            return new Timing(null, false, null);
        }
        if (strictlyAfter ? !doneOn.isAfter(item.countedFrom()) : doneOn.isBefore(item.countedFrom())) {
            form.problem(field, (strictlyAfter ? "must be after " : "cannot be before ") + item.countedFrom()
                    + (item.number() == 1 ? " (the plan's start)" : " (the previous one)"));
        }
        boolean late = doneOn.isAfter(item.dueOn());
        if (late && lateReason == null) {
            form.problem("lateReason", "it was due by " + item.dueOn() + ": say why it was late");
        }
        return new Timing(doneOn, late, late ? lateReason : null);
    }

    /** Records the item and stops its clock on the day it was done. */
    void done(Item item, Done done) {
        plans.recordDone(item.id(), done);
        deadlines.complete(item.caseId(), item.rule(), item.occurrence(), done.doneOn());
    }

    /** The plan ended: what was still to be held is cancelled and its clock stops. */
    List<Item> stopOpen(long planId, LocalDate on) {
        List<Item> cancelled = plans.cancelOpen(planId, on);
        cancelled.forEach(i -> deadlines.complete(i.caseId(), i.rule(), i.occurrence(), on));
        return cancelled;
    }

    /** The last review held, which ended the plan. */
    Item lastReview(long planId) {
        List<Item> held = plans.done(planId, ItemKind.REVIEW);
        if (held.isEmpty()) {
            throw new IllegalStateException("Plan " + planId + " has no review that ended it");
        }
        return held.get(held.size() - 1);
    }
}
