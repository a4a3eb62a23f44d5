package uk.csc.workflow.tasklist.process;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import uk.csc.workflow.tasklist.TaskLookup;

/**
 * Camunda adapter of {@link TaskLookup}: the tasks by id from the TaskService, the case of each
 * from its process instance's business key. Called without an engine user, so it sees every task;
 * the callers leave out what the user may not see (by the case's team, not by the engine).
 */
@Component
class CamundaTaskLookup implements TaskLookup {

    private final TaskService tasks;
    private final RuntimeService runtime;

    CamundaTaskLookup(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Override
    public List<TaskFacts> tasks(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list();
        var instanceIds = found.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return found.stream().map(t -> new TaskFacts(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                businessKeys.get(t.getProcessInstanceId()), instant(t.getDueDate()), t.getAssignee(), instant(t.getCreateTime())))
                .toList();
    }

    @Override
    public Optional<TaskFacts> task(String id) {
        return tasks(List.of(id)).stream().findFirst();
    }

    @Override
    public boolean offeredTo(String taskId, Collection<String> groups) {
        return !groups.isEmpty() && tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(List.copyOf(groups))
                .includeAssignedTasks().count() > 0;
    }

    @Override
    public Map<String, Object> variables(String taskId, Collection<String> names) {
        return tasks.getVariables(taskId, names);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
