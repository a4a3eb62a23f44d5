package uk.csc.workflow.escalation.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationService;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.platform.process.FormTaskListener;

/**
 * Records a manager's acknowledgement and resolution of an escalation from Tasklist. Who may
 * complete the tasks is already narrowed by their candidate users and groups.
 */
@Component("escalationTasks")
class EscalationTaskListener extends FormTaskListener {

    private final Map<String, Step> steps;

    EscalationTaskListener(EscalationService escalations, IdentityService identity) {
        super(identity, StatutoryEscalationModel.CASE_DATA);
        this.steps = Map.of(
                StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION, new Step(Set.of(), (t, f, u) -> {
                    String note = f.text("acknowledgementNote", 2000);
                    f.validate();
                    escalations.acknowledge(escalationId(t), u, note);
                    return Map.of();
                }),
                StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION, new Step(Set.of(), (t, f, u) -> {
                    String resolution = f.text("resolution", 2000);
                    f.validate();
                    escalations.resolve(escalationId(t), u, resolution);
                    return Map.of();
                }));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }

    private static long escalationId(DelegateTask task) {
        return longVariable(task, "escalationId");
    }
}
