package uk.csc.workflow.clocks.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.timescales.GuidanceProfile;

/**
 * Starts a statutory clock for the process's case, in the case's guidance profile. Input
 * parameters: {@code rule}, {@code startedOn} (an ISO date) and, for a recurring clock,
 * {@code occurrence}. The model's timers and due dates read the variables it sets
 * (see {@link ClockVariables}).
 */
@Component("startStatutoryClock")
class StartStatutoryClockDelegate implements JavaDelegate {

    private final CaseClocks deadlines;
    private final CaseFileService cases;

    StartStatutoryClockDelegate(CaseClocks deadlines, CaseFileService cases) {
        this.deadlines = deadlines;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        Object occurrence = execution.getVariableLocal(ClockVariables.OCCURRENCE);
        StatutoryClockStarted clock = deadlines.start(caseId, execution.getVariableLocal(ClockVariables.RULE).toString(),
                occurrence == null ? "" : occurrence.toString(),
                LocalDate.parse(execution.getVariableLocal(ClockVariables.STARTED_ON).toString()),
                GuidanceProfile.valueOf(cases.get(caseId).profile()));
        ClockVariables.set(execution, clock);
    }
}
