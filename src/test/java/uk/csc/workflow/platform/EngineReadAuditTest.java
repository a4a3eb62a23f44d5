package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.support.WebappSession;

/** Every read of a case through the engine's REST API is in the case file's audit trail: who, which case, what. */
@PostgresIntegrationTest
class EngineReadAuditTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FilterService filters;

    private ContactRegistered northCase() {
        return drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
    }

    private List<String> readsOf(String caseRef, String user) {
        return jdbc.queryForList("SELECT detail FROM audit_event WHERE subject_type = 'CASE' AND subject_ref = ? AND user_id = ? "
                + "AND action = 'READ' ORDER BY id", String.class, caseRef, user);
    }

    private void get(String user, String path) {
        ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachReadOfACaseIsAuditedWithWhatWasRead() {
        ContactRegistered c = northCase();
        String pi = c.processInstanceId();
        Task task = drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);

        get("manager.north", "/engine-rest/task/" + task.getId());
        get("manager.north", "/engine-rest/task/" + task.getId() + "/variables");
        get("manager.north", "/engine-rest/task/" + task.getId() + "/form-variables");
        get("manager.north", "/engine-rest/process-instance/" + pi + "/variables");
        get("manager.north", "/engine-rest/process-instance?processInstanceIds=" + pi);
        get("manager.north", "/engine-rest/task?processInstanceId=" + pi);
        get("manager.north", "/engine-rest/history/process-instance?processInstanceId=" + pi);
        get("manager.north", "/engine-rest/history/variable-instance?processInstanceId=" + pi + "&includeDeleted=true");
        get("manager.north", "/engine-rest/job?processInstanceId=" + pi);

        assertThat(readsOf(c.caseRef(), "manager.north")).containsExactly(
                "engine GET /task/" + task.getId(),
                "engine GET /task/" + task.getId() + "/variables",
                "engine GET /task/" + task.getId() + "/form-variables",
                "engine GET /process-instance/" + pi + "/variables",
                "engine GET /process-instance",
                "engine GET /task",
                "engine GET /history/process-instance",
                "engine GET /history/variable-instance",
                "engine GET /job");
    }

    @Test
    void tasklistsListsAndQueriesAreAuditedPerCaseTheyShow() {
        ContactRegistered first = northCase();
        ContactRegistered second = northCase();
        String myTeam = filters.createFilterQuery().filterName("My team").singleResult().getId();
        WebappSession tasklist = WebappSession.login(rest, "manager.north", "tasklist");
        HttpHeaders hal = tasklist.headers();
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));

        ResponseEntity<String> list = rest.exchange("/camunda/api/engine/engine/default/filter/" + myTeam + "/list?maxResults=500",
                HttpMethod.POST, new HttpEntity<>(Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))), hal),
                String.class);
        ResponseEntity<String> query = rest.withBasicAuth("service.manager", "demo").postForEntity("/engine-rest/process-instance?maxResults=50",
                Map.of("processInstanceIds", List.of(first.processInstanceId(), second.processInstanceId())), String.class);

        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(query.getStatusCode()).as(query.getBody()).isEqualTo(HttpStatus.OK);
        for (ContactRegistered c : List.of(first, second)) {
            assertThat(readsOf(c.caseRef(), "manager.north")).contains("engine POST /filter/" + myTeam + "/list");
            assertThat(readsOf(c.caseRef(), "service.manager")).contains("engine POST /process-instance");
        }
    }

    @Test
    void aRefusedOrEmptyReadShowedNothingAndIsNotAReadOfTheCase() {
        ContactRegistered c = northCase();
        Task task = drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);

        assertThat(rest.withBasicAuth("manager.south", "demo").getForEntity("/engine-rest/task/" + task.getId() + "/variables",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        get("manager.south", "/engine-rest/task?processInstanceId=" + c.processInstanceId());
        get("manager.north", "/engine-rest/process-definition");

        assertThat(readsOf(c.caseRef(), "manager.south")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE user_id = 'manager.north' AND detail = ?",
                Long.class, "engine GET /process-definition")).isZero();
    }
}
