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
 * create hook (e.g. moving the case to the task's stage); on complete it checks the user's role
 * and that the user may work on the task's case (its team as the case file has it, found by the
 * instance's business key, never by a variable), hands the submitted values to the service (which
 * validates and records them) and keeps only the routing values in the process. A validation
 * failure rolls the completion back and the task stays open: Tasklist shows the message, the
 * engine REST API answers 400 (403 for a wrong role or another team's case).
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
    private final CaseAuthority cases;

    /**
     * @param caseDataVariables what the forms submit that belongs in the case tables, not in the engine:
     *                          removed from the process once recorded
     * @param cases             the case of a task and who may work on it, from the case tables
     */
    protected FormTaskListener(IdentityService identity, List<String> caseDataVariables, CaseAuthority cases) {
        this.identity = identity;
        this.caseDataVariables = caseDataVariables;
        this.cases = cases;
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
            routing = step.handler().handle(task, new FormValues(ScopeVariables.of(task)), userId);
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
        checkCase(task, step, user.get());
        return user.get().id();
    }

    /**
     * The task's case and team come from the case file, by the business key the system gave the
     * instance; the {@code caseId} and {@code team} variables must agree with it (a caller who changed
     * them is refused), and the user must be allowed to work on that team's case.
     */
    private void checkCase(DelegateTask task, Step step, EngineUser user) {
        String caseRef = task.getExecution().getProcessBusinessKey();
        var found = caseRef == null ? java.util.Optional.<CaseAuthority.WorkedCase>empty() : cases.caseOf(caseRef);
        if (found.isEmpty()) {
            throw TaskRejection.forbidden("'" + task.getName() + "' belongs to no case in the case file");
        }
        CaseAuthority.WorkedCase worked = found.get();
        Object caseId = task.getVariable(CaseVariables.CASE_ID);
        if (caseId != null && !(caseId instanceof Number n && n.longValue() == worked.caseId())) {
            throw TaskRejection.forbidden("'" + task.getName() + "' names another case than its process, " + worked.caseRef());
        }
        Object team = task.getVariable(CaseVariables.TEAM);
        if (team != null && !team.equals(worked.team())) {
            throw TaskRejection.forbidden("'" + task.getName() + "' names another team than case " + worked.caseRef()
                    + " has (" + worked.team() + ")");
        }
        if (!cases.mayWorkOn(worked.team(), user.groups(), step.roles())) {
            throw TaskRejection.forbidden("'" + task.getName() + "' on case " + worked.caseRef() + " is for " + worked.team());
        }
    }

    protected static long longVariable(DelegateTask task, String name) {
        return ((Number) task.getVariable(name)).longValue();
    }
}
