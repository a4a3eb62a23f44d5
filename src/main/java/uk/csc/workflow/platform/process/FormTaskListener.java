package uk.csc.workflow.platform.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;

/**
 * The adapter between a feature's user tasks and its service. On create it runs the step's
 * create hook (e.g. moving the case to the task's stage); on complete it checks the user's role,
 * hands the submitted values to the service (which validates and records them) and keeps only
 * the routing values in the process. A validation failure rolls the completion back and the task
 * stays open: Tasklist shows the message, the engine REST API answers 400 (403 for a wrong role).
 */
public abstract class FormTaskListener implements TaskListener {

    /** What happens for one user task: who may complete it and what records it. */
    public record Step(Set<String> roles, Handler handler, CreateHook onCreate) {

        public Step(Set<String> roles, Handler handler) {
            this(roles, handler, task -> { });
        }
    }

    @FunctionalInterface
    public interface Handler {
        Map<String, Object> handle(DelegateTask task, FormValues form, String userId);
    }

    @FunctionalInterface
    public interface CreateHook {
        void created(DelegateTask task);
    }

    private final IdentityService identity;
    private final List<String> caseDataVariables;

    /**
     * @param caseDataVariables what the forms submit that belongs in the case tables, not in the engine:
     *                          removed from the process once recorded
     */
    protected FormTaskListener(IdentityService identity, List<String> caseDataVariables) {
        this.identity = identity;
        this.caseDataVariables = caseDataVariables;
    }

    protected abstract Map<String, Step> steps();

    @Override
    public void notify(DelegateTask task) {
        Step step = steps().get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("No handler for task " + task.getTaskDefinitionKey());
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            step.onCreate().created(task);
            return;
        }
        String userId = completingUser(task, step);
        Map<String, Object> routing;
        try {
            routing = step.handler().handle(task, new FormValues(task.getVariables()), userId);
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        }
        var execution = task.getExecution();
        execution.removeVariables(caseDataVariables.stream().filter(execution::hasVariable).toList());
        routing.forEach(execution::setVariable);
    }

    /** The signed-in user; engine calls without one (the engine's own jobs, tests) act as "system". */
    private String completingUser(DelegateTask task, Step step) {
        var user = EngineUser.current(identity);
        if (user.isEmpty()) {
            return task.getAssignee() != null ? task.getAssignee() : "system";
        }
        if (!step.roles().isEmpty() && step.roles().stream().noneMatch(user.get().groups()::contains)) {
            throw TaskRejection.forbidden("'" + task.getName() + "' is for " + String.join(" or ", step.roles()));
        }
        return user.get().id();
    }

    protected static long longVariable(DelegateTask task, String name) {
        return ((Number) task.getVariable(name)).longValue();
    }
}
