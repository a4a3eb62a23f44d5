package uk.csc.workflow.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Demo profile: a handful of contacts at different stages, recorded through the real front door
 * and moved on through real task completions, so Tasklist and Cockpit have work on first start.
 * Runs once, on a database with no cases. One contact is old enough that its referral decision
 * is overdue: its escalations appear as soon as the job executor runs.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = {"csc.demo.enabled", "csc.demo.seed-cases"}, havingValue = "true", matchIfMissing = false)
class DemoReferralSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferralSeeder.class);
    private static final CurrentUser DUTY_NORTH = new CurrentUser("worker.north", Set.of("practitioner", "team-north"));
    private static final List<String> MANAGER_NORTH = List.of("team-manager", "team-north");
    private static final List<String> MANAGER_SOUTH = List.of("team-manager", "team-south");

    private final FrontDoor frontDoor;
    private final CaseFileService cases;
    private final TaskService tasks;
    private final IdentityService identity;
    private final TimeSource time;

    DemoReferralSeeder(FrontDoor frontDoor, CaseFileService cases, TaskService tasks, IdentityService identity, TimeSource time) {
        this.frontDoor = frontDoor;
        this.cases = cases;
        this.tasks = tasks;
        this.identity = identity;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!cases.wasEmptyAtStart()) {
            return;
        }
        LocalDate today = time.today();
        // Waiting for the team manager's referral decision.
        receive("Amira", "Khan", "2016-04-11", "B23 6AB", "CHILD_IN_NEED", false, today);
        // A police notification in multi-agency screening.
        receive("Leo", "Walsh", "2019-09-30", "B24 8QT", "CHILD_IN_NEED", true, today);
        // Overdue: received two weeks ago and still undecided, so it escalates.
        receive("Grace", "Okafor", "2012-01-20", "B6 4LL", "LOW_LEVEL_NEED", false, today.minusDays(14));
        // Accepted and allocated: an initial assessment in progress with worker.north.
        var assessing = receive("Noah", "Evans", "2015-07-02", "B44 9PS", "CHILD_IN_NEED", false, today);
        complete(assessing, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, "manager.north", MANAGER_NORTH, Map.of("referralDecision", "ACCEPT_REFERRAL"));
        complete(assessing, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, "manager.north", MANAGER_NORTH, Map.of("allocatedWorker", "worker.north"));
        // South: a strategy discussion now, allocated to worker.south.
        var strategy = receive("Mia", "Hughes", "2021-02-14", "B13 9AA", "SIGNIFICANT_HARM", false, today);
        complete(strategy, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, "manager.south", MANAGER_SOUTH, Map.of("referralDecision", "STRATEGY_DISCUSSION"));
        complete(strategy, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, "manager.south", MANAGER_SOUTH, Map.of("allocatedWorker", "worker.south"));
        // Closed: stepped down to early help.
        var closed = receive("Oliver", "Price", "2017-11-05", "B29 5TT", "LOW_LEVEL_NEED", false, today);
        complete(closed, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, "manager.south", MANAGER_SOUTH, Map.of("referralDecision", "EARLY_HELP"));
        log.info("Demo cases seeded: 6 contacts at different stages");
    }

    private ContactRegistered receive(String first, String last, String dob, String postcode, String level, boolean dv, LocalDate on) {
        OffsetDateTime receivedAt = on.equals(time.today()) ? time.now().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime()
                : on.atTime(9, 30).atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime();
        var child = new ContactRequest.Child(first, last, LocalDate.parse(dob), null, DemoCitySeeder.sexOf(first, last), "NOBT",
                postcode, null, null);
        return frontDoor.receive(new ContactRequest(child, dv ? "6" : "2A", receivedAt,
                "Demo contact: concerns reported by " + (dv ? "the police" : "the school"), level, false, dv, true, null), DUTY_NORTH);
    }

    private void complete(ContactRegistered contact, String taskKey, String user, List<String> groups, Map<String, Object> values) {
        var task = tasks.createTaskQuery().processInstanceId(contact.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
