package uk.csc.workflow.clocks.process;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Stops the named clocks of the process's case that are still running, today (input parameter
 * {@code rules}, comma-separated rule ids): a route that gives way to another one leaves no clock
 * running behind it. The first completion date of a clock that already stopped stands.
 */
@Component("stopCaseClocks")
class StopCaseClocksDelegate implements JavaDelegate {

    static final String RULES = "rules";

    private final CaseClocks deadlines;
    private final TimeSource time;

    StopCaseClocksDelegate(CaseClocks deadlines, TimeSource time) {
        this.deadlines = deadlines;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = CaseVariables.id(execution, CaseVariables.CASE_ID);
        Arrays.stream(execution.getVariableLocal(RULES).toString().split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .forEach(rule -> deadlines.complete(caseId, rule, time.today()));
    }
}
