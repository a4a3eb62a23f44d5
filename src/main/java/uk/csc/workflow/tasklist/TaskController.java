package uk.csc.workflow.tasklist;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;

/** Task cards and task contexts for the Tasklist plugins; team-scoped and audited. */
@RestController
class TaskController {

    private final TaskCards cards;
    private final TaskContexts contexts;

    TaskController(TaskCards cards, TaskContexts contexts) {
        this.cards = cards;
        this.contexts = contexts;
    }

    @GetMapping("/api/tasks/cards")
    List<TaskCards.TaskCard> cards(@RequestParam(required = false) String ids) {
        return cards.cards(ids, CurrentUser.fromSecurityContext());
    }

    @GetMapping("/api/tasks/{taskId}/context")
    TaskContexts.TaskContext context(@PathVariable String taskId) {
        return contexts.context(taskId, CurrentUser.fromSecurityContext());
    }
}
