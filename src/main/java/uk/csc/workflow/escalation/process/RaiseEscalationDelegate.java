package uk.csc.workflow.escalation.process;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.EscalationService;

/**
 * A statutory timer fired: raise the reminder or escalation of its level (input parameters
 * {@code rule}, {@code level}, optional {@code occurrence} and {@code alsoNotify}, comma-separated
 * groups). Runs as an asynchronous job with retries, so a failure becomes an incident rather than
 * a lost escalation.
 */
@Component("raiseEscalation")
class RaiseEscalationDelegate implements JavaDelegate {

    /** Above Tasklist's default of 50: a task due tomorrow sorts first. */
    static final int REMINDED_PRIORITY = 75;

    private final EscalationService escalations;
    private final TaskService tasks;

    RaiseEscalationDelegate(EscalationService escalations, TaskService tasks) {
        this.escalations = escalations;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        // Input parameters of the service task: which clock, which rung of the ladder.
        Object occurrence = execution.getVariableLocal("occurrence");
        Object alsoNotify = execution.getVariableLocal("alsoNotify");
        EscalationLevel level = EscalationLevel.valueOf(execution.getVariableLocal("level").toString());
        var raised = escalations.raise(caseId, execution.getVariableLocal("rule").toString(),
                occurrence == null ? "" : occurrence.toString(), level,
                alsoNotify == null ? List.of() : List.of(alsoNotify.toString().split(",")));
        if (level == EscalationLevel.REMINDER && raised.isPresent()) {
            tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()
                    .forEach(task -> tasks.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY)));
        }
    }

}
