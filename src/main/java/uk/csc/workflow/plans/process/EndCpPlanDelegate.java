package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.plans.ChildProtectionPlanModel.Variables;
import uk.csc.workflow.plans.ChildProtectionPlans;
import uk.csc.workflow.plans.PlanCodes.CpPlanEnding;
import uk.csc.workflow.platform.process.CaseVariables;

/** The review conference ended the plan (input {@code ending}): close it on the review's date and stop what was still to come. */
@Component("endCpPlan")
class EndCpPlanDelegate implements JavaDelegate {

    private final ChildProtectionPlans plans;

    EndCpPlanDelegate(ChildProtectionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plans.end(CaseVariables.id(execution, Variables.PLAN_ID), CpPlanEnding.valueOf(execution.getVariableLocal(Variables.ENDING).toString()));
    }
}
