package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * A case that moves to another team takes its engine grants and routing with it: afterwards the new
 * team reads and works it, the old team sees none of it (its history included), and the open tasks
 * and escalations name the new team's managers.
 */
@PostgresIntegrationTest
class CaseTeamMoveTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map> move(String user, String caseRef, String team) {
        return rest.withBasicAuth(user, "demo").exchange("/api/cases/" + caseRef + "/team", HttpMethod.PUT,
                new HttpEntity<>(Map.of("team", team)), Map.class);
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Instance, open tasks, history (instance, tasks, variables) of a case's referral route, as one user sees them. */
    private int seen(String user, String pi) {
        return list(user, "/engine-rest/process-instance?processInstanceIds=" + pi).size()
                + list(user, "/engine-rest/task?processInstanceId=" + pi).size()
                + list(user, "/engine-rest/history/process-instance?processInstanceId=" + pi).size()
                + list(user, "/engine-rest/history/task?processInstanceId=" + pi).size()
                + list(user, "/engine-rest/history/variable-instance?processInstanceId=" + pi).size();
    }

    private List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId).filter(u -> u != null).toList();
    }

    @Test
    void aMovedCaseIsTheNewTeamsInTheEngineToo() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
        String pi = c.processInstanceId();
        drive.fire(pi, ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE);
        String escalation = runtime.createProcessInstanceQuery().processDefinitionKey(StatutoryEscalationModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).singleResult().getId();
        assertThat(seen("manager.north", pi)).isPositive();
        assertThat(seen("worker.north", pi)).isPositive();
        assertThat(seen("manager.south", pi)).isZero();

        ResponseEntity<Map> moved = move("service.manager", c.caseRef(), "team-south");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("team", "team-south");
        // The old team sees nothing of the case any more, through either API; the new team sees it all.
        for (String old : List.of("manager.north", "worker.north")) {
            assertThat(seen(old, pi)).as(old).isZero();
            assertThat(list(old, "/engine-rest/task?processInstanceId=" + escalation)).as(old).isEmpty();
            assertThat(rest.withBasicAuth(old, "demo").getForEntity("/api/cases/" + c.caseRef(), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(seen("manager.south", pi)).isPositive();
        assertThat(seen("worker.south", pi)).isPositive();
        assertThat(list("manager.south", "/engine-rest/task?processInstanceId=" + escalation)).hasSize(1);
        assertThat(seen("service.manager", pi)).isPositive();
        // The routing names the new team, in the process and on its open tasks and escalations.
        assertThat(runtime.getVariable(pi, "team")).isEqualTo("team-south");
        assertThat(runtime.getVariable(pi, "teamManagers")).isEqualTo("manager.south");
        Task decision = drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
        assertThat(candidateUsers(decision)).containsExactly("manager.south");
        Task acknowledge = tasks.createTaskQuery().processInstanceId(escalation).singleResult();
        assertThat(candidateUsers(acknowledge)).containsExactly("manager.south");
        assertThat(runtime.getVariable(escalation, StatutoryEscalationModel.Variables.CANDIDATE_USERS)).isEqualTo(List.of("manager.south"));
        assertThat(jdbc.queryForList("SELECT team FROM escalation WHERE case_id = ?", String.class, c.caseId())).containsOnly("team-south");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND detail = ?", Long.class,
                c.caseRef(), "moved from team-north to team-south")).isOne();

        // ...and works it: the old team's manager is refused, the new one decides.
        ResponseEntity<Map> oldManager = rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/"
                + decision.getId() + "/complete", Map.of("variables", Map.of("referralDecision", Map.of("value", "ACCEPT_REFERRAL"))), Map.class);
        assertThat(oldManager.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isOne();
        drive.complete(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, "manager.south", List.of("team-manager", "team-south"),
                Map.of("referralDecision", "ACCEPT_REFERRAL"));
        // The next task is the new team's too.
        Task allocation = drive.task(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER);
        assertThat(candidateUsers(allocation)).containsExactly("manager.south");
        assertThat(list("manager.south", "/engine-rest/task?processInstanceId=" + pi)).extracting(t -> t.get("id"))
                .containsExactly(allocation.getId());
        assertThat(list("manager.north", "/engine-rest/task?processInstanceId=" + pi)).isEmpty();
    }

    @Test
    void onlyAServiceManagerMovesACaseAndOnlyToATeam() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));

        assertThat(move("manager.north", c.caseRef(), "team-south").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(move("service.manager", c.caseRef(), "team-west").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(move("service.manager", c.caseRef(), "team-north").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("SELECT team FROM care_case WHERE id = ?", String.class, c.caseId())).isEqualTo("team-north");
        assertThat(runtime.getVariable(c.processInstanceId(), "team")).isEqualTo("team-north");
    }
}
