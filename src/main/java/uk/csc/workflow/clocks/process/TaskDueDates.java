package uk.csc.workflow.clocks.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The due date of a step that has a timescale but no clock of its own (allocation, a strategy
 * discussion, the panel's preparation, the legal route's meetings), counted from the day the task
 * is created by the statutory working-day calendar and the rule in the rules data:
 * {@code camunda:dueDate="${taskDue.within(execution, 'ALLOCATION')}"}. It dates the task so that
 * Tasklist sorts it and shows it overdue; the statutory clocks with escalation ladders are
 * {@link ClockVariables}'.
 */
@Component("taskDue")
public class TaskDueDates {

    private final StatutoryTimescales timescales;
    private final CaseFileService cases;
    private final TimeSource time;

    TaskDueDates(StatutoryTimescales timescales, CaseFileService cases, TimeSource time) {
        this.timescales = timescales;
        this.cases = cases;
        this.time = time;
    }

    public Date within(VariableScope scope, String rule) {
        GuidanceProfile profile = GuidanceProfile.valueOf(cases.get(CaseVariables.id(scope, CaseVariables.CASE_ID)).profile());
        return Date.from(timescales.deadline(rule, time.today(), profile).dueAt());
    }
}
