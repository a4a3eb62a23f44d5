package uk.csc.workflow.escalation.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.escalation.EscalationService;
import uk.csc.workflow.escalation.StatutoryEscalationModel.RaiseInputs;
import uk.csc.workflow.platform.process.CaseVariables;

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
    private final RuntimeService runtime;

    RaiseEscalationDelegate(EscalationService escalations, TaskService tasks, RuntimeService runtime) {
        this.escalations = escalations;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
        // Input parameters of the service task: which clock, which rung of the ladder.
        Object occurrence = execution.getVariableLocal(RaiseInputs.OCCURRENCE);
        Object alsoNotify = execution.getVariableLocal(RaiseInputs.ALSO_NOTIFY);
        EscalationLevel level = EscalationLevel.valueOf(execution.getVariableLocal(RaiseInputs.LEVEL).toString());
        var raised = escalations.raise(caseId, execution.getVariableLocal(RaiseInputs.RULE).toString(),
                occurrence == null ? "" : occurrence.toString(), level,
                alsoNotify == null ? List.of() : List.of(alsoNotify.toString().split(",")));
        raised.ifPresent(id -> escalations.raisedBy(id, execution.getProcessInstanceId()));
        if (level == EscalationLevel.REMINDER && raised.isPresent()) {
            String[] scope = activityInstancesIn(execution.getProcessInstanceId(), execution.getParentActivityInstanceId());
            tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).activityInstanceIdIn(scope).list()
                    .forEach(task -> tasks.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY)));
        }
    }

    /**
     * The activity instances inside the scope that holds this ladder: the whole process for a
     * one-off clock, one review or visit sub-process for a recurring one (whose reminder must not
     * reorder the child's other work).
     */
    private String[] activityInstancesIn(String processInstanceId, String scopeInstanceId) {
        ActivityInstance scope = find(runtime.getActivityInstance(processInstanceId), scopeInstanceId);
        List<String> ids = new ArrayList<>();
        collect(scope, ids);
        return ids.toArray(String[]::new);
    }

    private static ActivityInstance find(ActivityInstance instance, String id) {
        if (instance.getId().equals(id)) {
            return instance;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ActivityInstance found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void collect(ActivityInstance instance, List<String> ids) {
        if (instance == null) {
            return;
        }
        ids.add(instance.getId());
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, ids);
        }
    }

}
