package uk.csc.workflow.demo;

import java.time.LocalDate;
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

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.review.EpisodeService;
import uk.csc.workflow.review.LookedAfterStart;
import uk.csc.workflow.review.process.LookedAfterCare;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Demo profile: a child accommodated today (section 20, foster care), recorded through the real
 * front door and the real start of care, so Tasklist shows the IRO's first review to arrange, the
 * social worker's first visit, and {@code GET /api/cases/{ref}/reviews} a review due. Runs once:
 * only while no child has ever been looked after.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = {"csc.demo.enabled", "csc.demo.seed-cases"}, havingValue = "true", matchIfMissing = false)
class DemoLookedAfterSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLookedAfterSeeder.class);
    private static final CurrentUser DUTY_NORTH = new CurrentUser("worker.north", Set.of("practitioner", "team-north"));
    private static final List<String> MANAGER_NORTH = List.of("team-manager", "team-north");

    private final FrontDoor frontDoor;
    private final LookedAfterCare care;
    private final EpisodeService episodes;
    private final TaskService tasks;
    private final IdentityService identity;
    private final TimeSource time;

    DemoLookedAfterSeeder(FrontDoor frontDoor, LookedAfterCare care, EpisodeService episodes, TaskService tasks,
                          IdentityService identity, TimeSource time,
                          uk.csc.workflow.casefile.CaseFileService cases) {
        this.cases = cases;
        this.frontDoor = frontDoor;
        this.care = care;
        this.episodes = episodes;
        this.tasks = tasks;
        this.identity = identity;
        this.time = time;
    }

    private final uk.csc.workflow.casefile.CaseFileService cases;

    @Override
    public void run(ApplicationArguments args) {
        if (!cases.wasEmptyAtStart()) {
            return;
        }
        LocalDate today = time.today();
        var child = new ContactRequest.Child("Ruby", "Ahmed", LocalDate.parse("2014-06-03"), null, "F", "APKN", "B23 7QD",
                null, null);
        ContactRegistered contact = frontDoor.receive(new ContactRequest(child, "6",
                time.now().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime(),
                "Demo contact: police found the child alone at home; parents agreed to accommodation", "SIGNIFICANT_HARM",
                true, false, true, null), DUTY_NORTH);
        // The manager accepts the referral and allocates a worker, who then visits the child in care.
        complete(contact, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION",
                "decisionReason", "Child accommodated under section 20 after police found her alone"));
        complete(contact, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        care.startCare(contact.caseId(), new LookedAfterStart(today, "V2", "U4", "PR1", "S"), "worker.north");
        log.info("Demo looked-after child seeded: {} (first review and first visit due)", contact.caseRef());
    }

    private void complete(ContactRegistered contact, String taskKey, Map<String, Object> values) {
        var task = tasks.createTaskQuery().processInstanceId(contact.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
        identity.setAuthentication("manager.north", MANAGER_NORTH);
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
