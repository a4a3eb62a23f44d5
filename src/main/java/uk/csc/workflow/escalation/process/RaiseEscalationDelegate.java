package uk.csc.workflow.escalation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.EscalationService;

/**
 * A statutory timer fired: raise the reminder or escalation of its level. Runs as an
 * asynchronous job with retries, so a failure becomes an incident rather than a lost escalation.
 */
@Component("raiseEscalation")
class RaiseEscalationDelegate implements JavaDelegate {

    private final EscalationService escalations;

    RaiseEscalationDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        // Input parameters of the service task: which clock, which rung of the ladder.
        escalations.raise(caseId, execution.getVariableLocal("rule").toString(),
                EscalationLevel.valueOf(execution.getVariableLocal("level").toString()));
    }

}
