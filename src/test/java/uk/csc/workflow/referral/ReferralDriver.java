package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** Drives referral routes through the engine as practitioners would, with the engine's clock under test control. */
@Component
public class ReferralDriver {

    public static final CurrentUser DUTY_WORKER = new CurrentUser("worker.north", Set.of("practitioner", "team-north"));

    final FrontDoor frontDoor;
    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final IdentityService identity;
    final JdbcTemplate jdbc;

    ReferralDriver(FrontDoor frontDoor, RuntimeService runtime, TaskService tasks, ManagementService management,
                   IdentityService identity, JdbcTemplate jdbc) {
        this.frontDoor = frontDoor;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** Sets the engine's clock to a London local time. */
    public static void at(String londonDateTime) {
        EngineClock.pin(LocalDateTime.parse(londonDateTime).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant());
    }

    public static ContactRequest contact(String concernLevel, boolean dv, boolean immediateRisk, boolean consent,
                                         String receivedAt) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var child = new ContactRequest.Child("Test" + unique, "Child", TestTime.bornYearsBefore(EngineClock.now().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate(), 7), null, "F", "WBRI",
                "B23 6AB", NhsNumbers.next(), null);
        return new ContactRequest(child, "2A", OffsetDateTime.parse(receivedAt), "Concerns described by the school",
                concernLevel, immediateRisk, dv, consent, null);
    }

    public ContactRegistered receive(ContactRequest contact) {
        return frontDoor.receive(contact, DUTY_WORKER);
    }

    public Task task(String processInstanceId, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        // Every task a person does is dated, so Tasklist sorts it and shows it overdue.
        assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
        return task;
    }

    /** Completes a task as the given user (with their groups), as Tasklist would. */
    public void complete(String processInstanceId, String taskKey, String user, List<String> groups, Map<String, Object> values) {
        Task task = task(processInstanceId, taskKey);
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), new HashMap<>(values));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs engine calls as a signed-in user. */
    public void identityAs(String user, List<String> groups, Runnable calls) {
        identity.setAuthentication(user, groups);
        try {
            calls.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void asManager(String pi, String taskKey, Map<String, Object> values) {
        complete(pi, taskKey, "manager.north", List.of("team-manager", "team-north"), values);
    }

    public void asWorker(String pi, String taskKey, Map<String, Object> values) {
        complete(pi, taskKey, "worker.north", List.of("practitioner", "team-north"), values);
    }

    public Job timer(String processInstanceId, String boundaryEventId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(boundaryEventId).timers()
                .singleResult();
        assertThat(job).as("timer " + boundaryEventId).isNotNull();
        return job;
    }

    public Instant timerDue(String processInstanceId, String boundaryEventId) {
        return timer(processInstanceId, boundaryEventId).getDuedate().toInstant();
    }

    /** Fires a statutory timer and runs the escalation job it leaves behind. */
    public void fire(String processInstanceId, String boundaryEventId) {
        management.executeJob(timer(processInstanceId, boundaryEventId).getId());
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    public String caseOutcome(String caseRef) {
        return jdbc.queryForObject("SELECT outcome FROM care_case WHERE case_ref = ?", String.class, caseRef);
    }

    public String caseStage(String caseRef) {
        return jdbc.queryForObject("SELECT stage FROM care_case WHERE case_ref = ?", String.class, caseRef);
    }

    // ---- the usual way through, step by step ----

    public ContactRegistered acceptedAndAllocated(String receivedAt) {
        ContactRegistered c = receive(contact("CHILD_IN_NEED", false, false, true, receivedAt));
        asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "ACCEPT_REFERRAL"));
        asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        return c;
    }

    public static Map<String, Object> assessment(String seen, String completed, String recommendation) {
        return Map.of("childSeenOn", seen, "completedOn", completed, "categoryOfNeed", "N1",
                "summary", "Analysis of needs and risks", "recommendation", recommendation);
    }

    public static Map<String, Object> authorisation(String outcome) {
        return Map.of("assessmentOutcome", outcome, "outcomeReason", "Agreed with the worker's analysis");
    }
}
