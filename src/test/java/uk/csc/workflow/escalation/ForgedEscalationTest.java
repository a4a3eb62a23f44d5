package uk.csc.workflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Which escalation a task acknowledges comes from the escalation record, not from the process that
 * holds the task. These instances are started by an administrator (whom the engine door lets
 * through), standing in for any start the door would stop: the task listener still refuses.
 */
@PostgresIntegrationTest
class ForgedEscalationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    EscalationService escalations;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private long northEscalation(ContactRegistered c) {
        return escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER).orElseThrow();
    }

    /** An escalation process started by hand, naming an existing escalation and whoever should get its task. */
    private String forgedInstance(String businessKey, long escalationId, String candidateUser, String candidateGroup) {
        ResponseEntity<Map> started = rest.withBasicAuth("admin", "demo").postForEntity(
                "/engine-rest/process-definition/key/" + StatutoryEscalationModel.PROCESS_ID + "/start", Map.of(
                        "businessKey", businessKey,
                        "variables", Map.of(
                                StatutoryEscalationModel.Variables.ESCALATION_ID, Map.of("value", escalationId, "type", "Long"),
                                "caseRef", Map.of("value", businessKey),
                                StatutoryEscalationModel.Variables.RULE, Map.of("value", "REFERRAL_DECISION"),
                                StatutoryEscalationModel.Variables.LEVEL, Map.of("value", "TEAM_MANAGER"),
                                StatutoryEscalationModel.Variables.DUE_ON, Map.of("value", TestTime.today().toString()),
                                StatutoryEscalationModel.Variables.CANDIDATE_USERS, Map.of("value", candidateUser),
                                StatutoryEscalationModel.Variables.CANDIDATE_GROUPS, Map.of("value", candidateGroup))), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    private ResponseEntity<Map> acknowledge(String user, String processInstanceId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION).singleResult();
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", Map.of("acknowledgementNote", Map.of("value", "Dealt with"))), Map.class);
    }

    private Map<String, Object> record(long escalationId) {
        return jdbc.queryForMap("SELECT acknowledged_by, acknowledged_at FROM escalation WHERE id = ?", escalationId);
    }

    @Test
    void aPractitionerCannotGiveHerselfAnEscalationTask() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        long escalation = northEscalation(c);
        String forged = forgedInstance(c.caseRef(), escalation, "worker.north", "team-north");

        ResponseEntity<Map> refused = acknowledge("worker.north", forged);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("is for");
        assertThat(tasks.createTaskQuery().processInstanceId(forged).count()).isOne();
        assertThat(record(escalation).get("acknowledged_by")).isNull();
    }

    @Test
    void anotherTeamsManagerCannotAcknowledgeAnEscalationThroughAnInstanceOfHisOwn() {
        ContactRegistered north = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        ContactRegistered south = drive.receive(new ContactRequest(new ContactRequest.Child("South" + System.nanoTime(), "Child",
                TestTime.bornYearsAgo(6), null, "M", "WBRI", "B12 9AA", null, null), "2A", TestTime.now(), "Concerns",
                "CHILD_IN_NEED", false, false, true, null));
        long northRecord = northEscalation(north);
        // On his own team's case, so the team check passes: only the escalation record can tell.
        String forged = forgedInstance(south.caseRef(), northRecord, "manager.south", "team-south");

        ResponseEntity<Map> refused = acknowledge("manager.south", forged);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("was not raised for this task");
        assertThat(record(northRecord).get("acknowledged_by")).isNull();

        // The record's own task is acknowledged as usual, by the case's team manager.
        String genuine = jdbc.queryForObject("SELECT task_process_instance_id FROM escalation WHERE id = ?", String.class, northRecord);
        assertThat(acknowledge("manager.north", genuine).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(record(northRecord).get("acknowledged_by")).isEqualTo("manager.north");
    }

    @Test
    void anEscalationsInstanceIsReadByTheCasesTeamAndTheServiceManagers() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        long escalation = northEscalation(c);
        String pi = jdbc.queryForObject("SELECT task_process_instance_id FROM escalation WHERE id = ?", String.class, escalation);

        for (String user : List.of("manager.north", "worker.north", "service.manager", "manager.south", "worker.south")) {
            ResponseEntity<List> seen = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/task?processInstanceId=" + pi, List.class);
            assertThat(seen.getBody()).as(user).hasSize(user.endsWith(".south") ? 0 : 1);
        }
    }
}
