package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.plans.ChildInNeedPlanModel.ClockInputs;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Clocks;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Variables;
import uk.csc.workflow.plans.ChildInNeedPlans;
import uk.csc.workflow.platform.process.CaseVariables;

/** Schedules a child in need plan's next visit or review (input {@code clock}) and starts its clock. */
@Component("startCinPlanClock")
class StartCinPlanClockDelegate implements JavaDelegate {

    private final ChildInNeedPlans plans;

    StartCinPlanClockDelegate(ChildInNeedPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = CaseVariables.id(execution, Variables.PLAN_ID);
        String clock = execution.getVariableLocal(Variables.CLOCK).toString();
        switch (clock) {
            case ClockInputs.VISIT -> PlanClockVariables.set(execution, Clocks.VISIT, plans.nextVisit(planId));
            case ClockInputs.REVIEW -> PlanClockVariables.set(execution, Clocks.REVIEW, plans.nextReview(planId));
            default -> throw new IllegalStateException("Unknown clock " + clock);
        }
    }
}
