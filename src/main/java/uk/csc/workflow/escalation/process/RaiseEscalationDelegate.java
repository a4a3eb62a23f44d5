package uk.csc.workflow.escalation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
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

    /** Injected per element from {@code camunda:field}. */
    private Expression rule;
    private Expression level;

    RaiseEscalationDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        escalations.raise(caseId, rule.getValue(execution).toString(),
                EscalationLevel.valueOf(level.getValue(execution).toString()));
    }

    public void setRule(Expression rule) {
        this.rule = rule;
    }

    public void setLevel(Expression level) {
        this.level = level;
    }
}
