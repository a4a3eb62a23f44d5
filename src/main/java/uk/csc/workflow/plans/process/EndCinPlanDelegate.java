package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Variables;
import uk.csc.workflow.plans.ChildInNeedPlans;
import uk.csc.workflow.plans.PlanCodes.CinReviewDecision;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * The plan ends (input {@code ending}): after a review, on the review's date with its decision;
 * when concerns of significant harm arrive between reviews (the message carries the reason and who
 * raised them), today.
 */
@Component("endCinPlan")
class EndCinPlanDelegate implements JavaDelegate {

    private final ChildInNeedPlans plans;

    EndCinPlanDelegate(ChildInNeedPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = CaseVariables.id(execution, Variables.PLAN_ID);
        CinReviewDecision ending = CinReviewDecision.valueOf(execution.getVariableLocal(Variables.ENDING).toString());
        Object reason = execution.getVariable(ChildInNeedPlanModel.Variables.STEP_UP_REASON);
        if (reason != null) {
            Object by = execution.getVariable(ChildInNeedPlanModel.Variables.STEP_UP_BY);
            plans.stepUpNow(planId, reason.toString(), by == null ? "system" : by.toString());
        } else {
            plans.end(planId, ending);
        }
    }
}
