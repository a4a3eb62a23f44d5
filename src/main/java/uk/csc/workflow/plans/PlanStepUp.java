package uk.csc.workflow.plans;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.plans.PlanRepository.Plan;

/**
 * Concerns of significant harm between reviews, as the child in need and Family Help plans record
 * them: the plan ends today for a strategy discussion, and what was still to come stops.
 */
@Component
class PlanStepUp {

    private final PlanRepository plans;
    private final PlanItems items;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;

    PlanStepUp(PlanRepository plans, PlanItems items, CaseFileService cases, AuditLog audit, TimeSource time) {
        this.plans = plans;
        this.items = items;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /** Checks a request to step up between reviews (400 naming {@code reason} when it is missing). */
    String reason(FormValues form) {
        String reason = form.text("reason", 2000);
        form.validate();
        return reason;
    }

    /**
     * @param ending the plan's own step-up decision, recorded as its ending
     * @param planName how the audit trail names the plan, e.g. "child in need plan"
     */
    void endToday(long planId, Enum<?> ending, String reason, String userId, String planName) {
        Plan plan = plans.get(planId);
        LocalDate today = time.today();
        items.stopOpen(planId, today);
        plans.end(planId, today, ending.name(), null, reason, userId);
        audit.record(userId, AuditLog.Action.DECIDE, "CASE", cases.get(plan.caseId()).caseRef(),
                planName + " stepped up between reviews: strategy discussion");
    }
}
