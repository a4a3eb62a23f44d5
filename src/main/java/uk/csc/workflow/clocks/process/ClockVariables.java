package uk.csc.workflow.clocks.process;

import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;

import uk.csc.workflow.clocks.StatutoryClockStarted;

/**
 * Puts a started clock where the model's timers and due dates read it. For rule
 * {@code INITIAL_ASSESSMENT} the variables are {@code initialAssessmentDueAt},
 * {@code initialAssessmentRemindAt}, {@code initialAssessmentServiceManagerAt} (dates for timers)
 * and {@code initialAssessmentDueOn} (the due date as text, for forms).
 */
public final class ClockVariables {

    private ClockVariables() {
    }

    public static void set(VariableScope scope, StatutoryClockStarted clock) {
        String prefix = prefix(clock.rule());
        scope.setVariable(prefix + "DueAt", Date.from(clock.dueAt()));
        scope.setVariable(prefix + "RemindAt", Date.from(clock.remindAt()));
        scope.setVariable(prefix + "ServiceManagerAt", Date.from(clock.serviceManagerAt()));
        scope.setVariable(prefix + "DueOn", clock.dueOn().toString());
    }

    /** {@code INITIAL_ASSESSMENT} to {@code initialAssessment}. */
    public static String prefix(String rule) {
        StringBuilder name = new StringBuilder();
        for (String part : rule.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
