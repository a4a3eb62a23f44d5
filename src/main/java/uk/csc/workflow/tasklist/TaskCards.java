package uk.csc.workflow.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.Age;
import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileAccess;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseFileViews.ChildView;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.ChildFile;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.NotFoundException;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The Tasklist plugin's task cards: for each task the user may see (by its case's team, or their
 * role's remit) who the child is and how the task stands against its due date. Tasks of other
 * teams are left out without a word; each case shown is audited.
 */
@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
public class TaskCards {

    /** At most this many tasks in one call (a Tasklist page shows far fewer). */
    static final int MAX_IDS = 200;

    /** One task card. */
    public record TaskCard(String taskId, String taskName, String caseRef, Coded team, String childName, LocalDate dateOfBirth,
                           Age age, String assignee, Instant dueAt, LocalDate dueOn, Integer workingDaysLeft,
                           TaskDue.Status status) {
    }

    private final TaskLookup tasks;
    private final CaseFileService cases;
    private final CaseFileAccess access;
    private final ChildFile files;
    private final AuditLog audit;
    private final TimeSource time;
    private final StatutoryTimescales timescales;

    TaskCards(TaskLookup tasks, CaseFileService cases, CaseFileAccess access, ChildFile files, AuditLog audit, TimeSource time,
              StatutoryTimescales timescales) {
        this.tasks = tasks;
        this.cases = cases;
        this.access = access;
        this.files = files;
        this.audit = audit;
        this.time = time;
        this.timescales = timescales;
    }

    /** {@code ids}: Camunda task ids, comma separated. */
    public List<TaskCard> cards(String ids, CurrentUser user) {
        Set<String> wanted = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    wanted.add(id.strip());
                }
            }
        }
        if (wanted.isEmpty()) {
            throw new BadRequestException("ids", "give the task ids, comma separated");
        }
        if (wanted.size() > MAX_IDS) {
            throw new BadRequestException("ids", "at most " + MAX_IDS + " tasks at a time");
        }
        Map<String, TaskLookup.TaskFacts> found = new java.util.HashMap<>();
        tasks.tasks(wanted).forEach(t -> found.put(t.id(), t));
        List<TaskCard> cards = new ArrayList<>();
        for (String id : wanted) {
            TaskLookup.TaskFacts task = found.get(id);
            Optional<CaseRecord> record = task == null ? Optional.empty() : caseOf(task);
            if (record.isEmpty() || !(access.mayRead(record.get(), user) || givenToTheirAgency(task, user))) {
                continue;
            }
            ChildView child = files.child(record.get().childId());
            TaskDue due = TaskDue.of(task.dueAt(), time.now(), timescales.calendar());
            audit.record(user.id(), AuditLog.Action.READ, "CASE", record.get().caseRef(), "task card");
            cards.add(new TaskCard(task.id(), task.name(), record.get().caseRef(), files.team(record.get().team()), child.name(),
                    child.dateOfBirth(), child.age(), task.assignee(), task.dueAt(), due.dueOn(), due.workingDaysLeft(), due.status()));
        }
        return cards;
    }

    /** The task, and its case if the user may read it (404 unknown, 403 another team's, audited). */
    Located locate(String taskId, CurrentUser user) {
        TaskLookup.TaskFacts task = tasks.task(taskId).orElseThrow(() -> new NotFoundException("No open task " + taskId));
        if (task.caseRef() == null) {
            throw new NotFoundException("Task " + taskId + " belongs to no case");
        }
        if (givenToTheirAgency(task, user)) {
            return new Located(task, caseOf(task).orElseThrow(() -> new NotFoundException("Task " + taskId + " belongs to no case")));
        }
        return new Located(task, access.readable(task.caseRef(), user));
    }

    /**
     * An agency member of a multi-agency child protection team (police, health, education) has no case file: the
     * card and the context of a task given to their agency (who the child is, the case, the due date) are what they
     * need to do it, and all they get. Any other task of the case is refused them as the case file is.
     */
    private boolean givenToTheirAgency(TaskLookup.TaskFacts task, CurrentUser user) {
        List<String> agencies = Groups.MACT_AGENCIES.stream().filter(user::isIn).toList();
        return !agencies.isEmpty() && tasks.offeredTo(task.id(), agencies);
    }

    record Located(TaskLookup.TaskFacts task, CaseRecord record) {
    }

    private Optional<CaseRecord> caseOf(TaskLookup.TaskFacts task) {
        if (task.caseRef() == null) {
            return Optional.empty();
        }
        return cases.find(task.caseRef());
    }
}
