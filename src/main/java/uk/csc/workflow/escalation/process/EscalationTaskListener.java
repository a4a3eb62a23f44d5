package uk.csc.workflow.escalation.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationService;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;
import uk.csc.workflow.platform.web.TaskRejection;

/**
 * Records a manager's acknowledgement and resolution of an escalation from Tasklist. Who may
 * complete the tasks is narrowed by their candidate users and groups, by role and by the case's
 * team; and the escalation must be the one this process instance was opened for (an instance
 * started with another escalation's id would otherwise acknowledge that record in the user's name).
 */
@Component("escalationTasks")
class EscalationTaskListener extends FormTaskListener {

    /** Escalations go to team managers and service managers, and the IRO service is told of review breaches. */
    private static final Set<String> RECIPIENTS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.IRO, Groups.ADMIN);

    private final Map<String, Step> steps;

    EscalationTaskListener(EscalationService escalations, IdentityService identity, CaseAuthority cases) {
        super(identity, StatutoryEscalationModel.CASE_DATA, cases);
        this.steps = Map.of(
                StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION, new Step(RECIPIENTS, (t, f, u) -> {
                    String note = f.text("acknowledgementNote", 2000);
                    f.validate();
                    escalations.acknowledge(escalationOf(t, escalations), u, note);
                    return Map.of();
                }),
                StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION, new Step(RECIPIENTS, (t, f, u) -> {
                    String resolution = f.text("resolution", 2000);
                    f.validate();
                    escalations.resolve(escalationOf(t, escalations), u, resolution);
                    return Map.of();
                }));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }

    /** The escalation named by the task, if the escalation record says this instance holds its tasks. */
    private static long escalationOf(DelegateTask task, EscalationService escalations) {
        long id = longVariable(task, StatutoryEscalationModel.Variables.ESCALATION_ID);
        if (!escalations.isTaskOf(id, task.getProcessInstanceId())) {
            throw TaskRejection.forbidden("escalation " + id + " was not raised for this task");
        }
        return id;
    }
}
