package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.plans.ChildProtectionPlanModel.ClockInputs;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Clocks;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Variables;
import uk.csc.workflow.plans.ChildProtectionPlans;
import uk.csc.workflow.platform.process.CaseVariables;

/** Schedules a child protection plan's next core group meeting, visit or review conference (input {@code clock}) and starts its clock. */
@Component("startCpPlanClock")
class StartCpPlanClockDelegate implements JavaDelegate {

    private final ChildProtectionPlans plans;

    StartCpPlanClockDelegate(ChildProtectionPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = CaseVariables.id(execution, Variables.PLAN_ID);
        String clock = execution.getVariableLocal(Variables.CLOCK).toString();
        switch (clock) {
            case ClockInputs.CORE_GROUP -> PlanClockVariables.set(execution, Clocks.CORE_GROUP, plans.nextCoreGroup(planId));
            case ClockInputs.VISIT -> PlanClockVariables.set(execution, Clocks.VISIT, plans.nextVisit(planId));
            case ClockInputs.REVIEW -> PlanClockVariables.set(execution, Clocks.REVIEW, plans.nextReview(planId));
            default -> throw new IllegalStateException("Unknown clock " + clock);
        }
    }
}
