package uk.csc.workflow.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * Allocation by choice on PostgreSQL: a team's social workers with their open caseloads and
 * nearest deadlines, for the team's managers; and the allocation task refusing someone who is not
 * a social worker of the case's team with a field message, the task staying open.
 */
@PostgresIntegrationTest
class TeamWorkersApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void tuesdayFirstOfDecember() {
        at("2026-12-01T11:00");
    }

    private ResponseEntity<List> workers(String user, String team) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/teams/" + team + "/workers", List.class);
    }

    @Test
    void theTeamsSocialWorkersWithTheirCaseloadAndNearestDeadline() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-01T09:00:00Z");

        ResponseEntity<List> answer = workers("manager.north", "team-north");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> team = answer.getBody();
        assertThat(team).extracting(w -> w.get("userId")).containsExactly("worker.north");
        Map<String, Object> worker = team.get(0);
        assertThat(worker).containsEntry("name", "Nadia North");
        assertThat((Integer) worker.get("openCases")).isPositive();
        Map<String, Object> nearest = (Map<String, Object>) worker.get("nearestDeadline");
        assertThat(nearest).isNotNull().containsKeys("caseRef", "rule", "dueOn", "workingDaysLeft", "overdue");
        assertThat((String) nearest.get("dueOn")).isLessThanOrEqualTo("2026-12-10");
        assertThat(status("service.manager", "team-north")).isEqualTo(HttpStatus.OK);
        assertThat(c.caseRef()).isNotNull();
    }

    private HttpStatus status(String user, String team) {
        return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").getForEntity("/api/teams/" + team + "/workers", String.class)
                .getStatusCode().value());
    }

    @Test
    void onlyTheTeamsManagersAndCityWideManagersSeeIt() {
        assertThat(status("worker.north", "team-north")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("manager.south", "team-north")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("panel.chair", "team-north")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("manager.north", "team-east")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("manager.north", "team-manager")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theAllocationFormOffersTheTeamsSocialWorkersWithTheirCaseloadAndNearestDeadline() throws Exception {
        drive.acceptedAndAllocated("2026-12-01T09:00:00Z");
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, "2026-12-01T09:30:00Z"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "ACCEPT_REFERRAL"));
        String taskId = drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER).getId();
        Map<String, Object> worker = workers("manager.north", "team-north").getBody().get(0) instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();

        ResponseEntity<Map> form = rest.withBasicAuth("manager.north", "demo")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", Map.class);

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> choices = (Map<String, Object>) form.getBody().get("workerChoices");
        assertThat(choices).as("the form's list of workers").isNotNull().containsEntry("type", "Json");
        List<Map<String, String>> offered = new com.fasterxml.jackson.databind.ObjectMapper().readValue((String) choices.get("value"), List.class);
        int open = (Integer) worker.get("openCases");
        Map<String, Object> nearest = (Map<String, Object>) worker.get("nearestDeadline");
        String due = java.time.LocalDate.parse((String) nearest.get("dueOn"))
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        assertThat(offered).singleElement().satisfies(choice -> {
            assertThat(choice).containsEntry("value", "worker.north");
            assertThat(choice.get("label")).startsWith("Nadia North: " + open + " open case").contains("nearest deadline " + due);
        });
    }

    @Test
    void allocatingSomeoneWhoIsNotASocialWorkerOfTheTeamIsRefusedWithAFieldMessage() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, "2026-12-01T09:00:00Z"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "ACCEPT_REFERRAL"));
        String taskId = drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER).getId();

        for (String notOurs : List.of("worker.south", "manager.north", "nobody")) {
            ResponseEntity<Map> refused = rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", Map.of("allocatedWorker", Map.of("value", notOurs))), Map.class);
            assertThat(refused.getStatusCode()).as(notOurs).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) refused.getBody().get("message")).contains("allocatedWorker: not a social worker of Team North");
        }
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        ResponseEntity<String> done = rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("allocatedWorker", Map.of("value", "worker.north"))), String.class);
        assertThat(done.getStatusCode().is2xxSuccessful()).isTrue();
    }
}
