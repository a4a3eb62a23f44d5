package uk.csc.workflow.plans;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.plans.PlanRepository.Plan;

/**
 * A plan agreed with the child and family, as the child in need and Family Help plans record it:
 * the day (not before the plan started, not in the future), who took part and the needs it meets.
 * A validation failure records nothing.
 */
@Component
class PlanAgreement {

    private final PlanRepository plans;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;

    PlanAgreement(PlanRepository plans, CaseFileService cases, AuditLog audit, TimeSource time) {
        this.plans = plans;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /** @param planName how the audit trail names the plan, e.g. "child in need plan" */
    void agree(long planId, FormValues form, String userId, String planName) {
        Plan plan = plans.get(planId);
        LocalDate agreedOn = form.pastDate("planAgreedOn", time.today());
        String participants = form.text("planParticipants", 1000);
        String needs = form.text("planNeeds", 4000);
        if (agreedOn != null && agreedOn.isBefore(plan.startedOn())) {
            form.problem("planAgreedOn", "cannot be before the plan started (" + plan.startedOn() + ")");
        }
        form.validate();
        plans.agree(planId, agreedOn, participants, needs, userId);
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(plan.caseId()).caseRef(), planName + " agreed on " + agreedOn);
    }
}
