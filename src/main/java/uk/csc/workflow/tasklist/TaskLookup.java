package uk.csc.workflow.tasklist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's open user tasks, as the task cards and contexts need them (adapter: {@code tasklist.process}). */
public interface TaskLookup {

    /**
     * @param caseRef the business key of the task's process (every case process is keyed by its case reference)
     * @param dueAt   null for a task without a due date
     */
    record TaskFacts(String id, String name, String taskDefinitionKey, String caseRef, Instant dueAt, String assignee,
                     Instant createdAt) {
    }

    /** The open tasks among {@code ids}; unknown ids are left out. */
    List<TaskFacts> tasks(Collection<String> ids);

    Optional<TaskFacts> task(String id);

    /** Whether the open task is offered to one of {@code groups} (a candidate group of it). */
    boolean offeredTo(String taskId, Collection<String> groups);

    /** The task's variables among {@code names} (its own or its process's). */
    Map<String, Object> variables(String taskId, Collection<String> names);
}
