package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.csc.workflow.plans.FamilyHelpPlanModel.Clocks;
import uk.csc.workflow.plans.FamilyHelpPlanModel.Variables;
import uk.csc.workflow.plans.FamilyHelpPlans;
import uk.csc.workflow.plans.PlanCodes.FamilyHelpReviewDecision;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * familyHelpPlan's service tasks: {@code ${familyHelpSteps.nextReview(execution)}} schedules the next
 * review and starts its clock; {@code ${familyHelpSteps.nextVisit(execution)}} the next visit; {@code ${familyHelpSteps.end(execution)}} ends the plan as its last
 * review decided.
 */
@Component("familyHelpSteps")
public class FamilyHelpPlanDelegates {

    private final FamilyHelpPlans plans;

    FamilyHelpPlanDelegates(FamilyHelpPlans plans) {
        this.plans = plans;
    }

    public void nextReview(DelegateExecution execution) {
        PlanClockVariables.set(execution, Clocks.REVIEW, plans.nextReview(CaseVariables.id(execution, Variables.PLAN_ID)));
    }

    public void nextVisit(DelegateExecution execution) {
        PlanClockVariables.set(execution, Clocks.VISIT, plans.nextVisit(CaseVariables.id(execution, Variables.PLAN_ID)));
    }

    /** Concerns of significant harm between reviews: the message carries the reason (transient) and who raised them. */
    public void stepUpNow(DelegateExecution execution) {
        Object by = execution.getVariable(Variables.STEP_UP_BY);
        plans.stepUpNow(CaseVariables.id(execution, Variables.PLAN_ID), execution.getVariable(Variables.STEP_UP_REASON).toString(),
                by == null ? "system" : by.toString());
    }

    public void end(DelegateExecution execution) {
        plans.end(CaseVariables.id(execution, Variables.PLAN_ID),
                FamilyHelpReviewDecision.valueOf(execution.getVariable(Variables.REVIEW_DECISION).toString()));
    }
}
