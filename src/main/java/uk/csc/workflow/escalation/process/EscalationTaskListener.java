package uk.csc.workflow.escalation.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationService;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;

/** Records a manager's acknowledgement and resolution of an escalation from Tasklist. */
@Component("escalationTasks")
class EscalationTaskListener implements TaskListener {

    private final EscalationService escalations;
    private final IdentityService identity;

    EscalationTaskListener(EscalationService escalations, IdentityService identity) {
        this.escalations = escalations;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("escalationId")).longValue();
        String userId = EngineUser.current(identity).map(EngineUser::id)
                .orElse(task.getAssignee() != null ? task.getAssignee() : "system");
        FormValues form = new FormValues(task.getVariables());
        try {
            switch (task.getTaskDefinitionKey()) {
                case "UserTask_AcknowledgeEscalation" -> {
                    String note = form.text("acknowledgementNote", 2000);
                    form.validate();
                    escalations.acknowledge(id, userId, note);
                    task.getExecution().removeVariable("acknowledgementNote");
                }
                case "UserTask_ResolveEscalation" -> {
                    String resolution = form.text("resolution", 2000);
                    form.validate();
                    escalations.resolve(id, userId, resolution);
                    task.getExecution().removeVariable("resolution");
                }
                default -> throw new IllegalStateException("No handler for " + task.getTaskDefinitionKey());
            }
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        }
    }
}
