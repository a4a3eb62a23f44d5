package uk.csc.workflow.clocks.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

import uk.csc.workflow.clocks.StatutoryClockStarted;

/**
 * The one writer of the variables a model's timers and due dates read. A clock named
 * {@code initialAssessment} (rule {@code INITIAL_ASSESSMENT}) sets {@code initialAssessmentDueAt},
 * {@code initialAssessmentRemindAt}, {@code initialAssessmentServiceManagerAt} (instants, for timers)
 * and {@code initialAssessmentDueOn} (the due date as text, for forms). {@code ProcessContractTest}
 * checks that every such variable a model reads belongs to a statutory rule or a declared clock
 * name, and that nothing else in the code writes them.
 */
public final class ClockVariables {

    public static final String DUE_AT = "DueAt";
    public static final String REMIND_AT = "RemindAt";
    public static final String SERVICE_MANAGER_AT = "ServiceManagerAt";
    public static final String DUE_ON = "DueOn";

    /** The inputs of the clock and escalation service tasks. */
    public static final String RULE = "rule";
    public static final String STARTED_ON = "startedOn";
    public static final String OCCURRENCE = "occurrence";

    private ClockVariables() {
    }

    private static final List<String> SUFFIXES = List.of(DUE_AT, REMIND_AT, SERVICE_MANAGER_AT, DUE_ON);
    private static final Set<String> INPUTS = Set.of(RULE, STARTED_ON, OCCURRENCE);

    /**
     * Whether a variable is one this class writes (a clock's instants or due date) or an input of
     * the clock and escalation service tasks.
     */
    public static boolean isClockVariable(String name) {
        if (INPUTS.contains(name)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (name.length() > suffix.length() && name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A clock named after its rule ({@code INITIAL_ASSESSMENT} is {@code initialAssessment}). */
    public static void set(VariableScope scope, StatutoryClockStarted clock) {
        set(scope, prefix(clock.rule()), clock.dueOn(), clock.dueAt(), clock.remindAt(), clock.serviceManagerAt());
    }

    /**
     * A clock named by its place in the model, for a cycle whose rule changes from one occurrence
     * to the next (a looked-after child's {@code review}: first, second, then six-monthly).
     */
    public static void set(VariableScope scope, String name, LocalDate dueOn, Instant dueAt, Instant remindAt,
                           Instant serviceManagerAt) {
        scope.setVariable(name + DUE_AT, Date.from(dueAt));
        scope.setVariable(name + REMIND_AT, Date.from(remindAt));
        scope.setVariable(name + SERVICE_MANAGER_AT, Date.from(serviceManagerAt));
        scope.setVariable(name + DUE_ON, dueOn.toString());
    }

    /** The due date under a second name too, for a form shared by several clocks ({@code assessmentDueOn}). */
    public static void showDueOnAs(VariableScope scope, String name, StatutoryClockStarted clock) {
        scope.setVariable(name + DUE_ON, clock.dueOn().toString());
    }

    /** The due date's variable of a clock, for a reader ({@code reviewDueOn}). */
    public static String dueOn(String name) {
        return name + DUE_ON;
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
