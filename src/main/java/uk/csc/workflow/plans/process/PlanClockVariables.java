package uk.csc.workflow.plans.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.plans.PlanClock;

/**
 * Puts a plan item's clock where the timers and forms read it: {@code reviewId}, {@code reviewNumber},
 * {@code reviewRule}, {@code reviewOccurrence} and (through ClockVariables) {@code reviewDueAt} and its
 * ladder. The enclosing sub-process declares them, so each review, meeting or visit keeps its own.
 */
final class PlanClockVariables {

    private PlanClockVariables() {
    }

    static void set(DelegateExecution execution, String prefix, PlanClock clock) {
        execution.setVariable(prefix + "Id", clock.itemId());
        execution.setVariable(prefix + "Number", clock.number());
        execution.setVariable(prefix + "Rule", clock.rule());
        execution.setVariable(prefix + "Occurrence", clock.occurrence());
        ClockVariables.set(execution, prefix, clock.dueOn(), clock.dueAt(), clock.remindAt(), clock.serviceManagerAt());
    }
}
