package uk.csc.workflow.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/** The panel's API over HTTP: requests, the agenda, case history and corrections, with roles and team scoping. */
@PostgresIntegrationTest
class PanelApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;


    private ContactRegistered openNorthCase() {
        return drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true,
                TestTime.now().minusHours(1).toString()));
    }

    private ResponseEntity<Map> requestPanel(String user, String caseRef, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/" + caseRef + "/panel-requests", body, Map.class);
    }

    @Test
    void aTeamManagerAsksThePanelAndTheRequestIsOnTheNextAgenda() {
        ContactRegistered c = openNorthCase();
        ResponseEntity<Map> answer = requestPanel("manager.north", c.caseRef(), PanelProcessTest.request("S20_ACCOMMODATION", null));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsKeys("requestId", "processInstanceId").containsEntry("proposal", "S20_ACCOMMODATION");

        Map<String, Object> agenda = rest.withBasicAuth("panel.chair", "demo").getForObject("/api/panel/sittings/next", Map.class);
        assertThat((List<Map<String, Object>>) agenda.get("requests")).anySatisfy(r -> assertThat(r).containsEntry("caseRef", c.caseRef()));
        Map<String, Object> southAgenda = rest.withBasicAuth("manager.south", "demo").getForObject("/api/panel/sittings/next", Map.class);
        assertThat((List<Map<String, Object>>) southAgenda.get("requests")).noneSatisfy(r -> assertThat(r).containsEntry("caseRef", c.caseRef()));

        Map<String, Object> summary = rest.withBasicAuth("manager.north", "demo").getForObject("/api/cases/" + c.caseRef(), Map.class);
        assertThat((List<?>) ((Map<String, Object>) summary.get("sections")).get("panel")).hasSize(1);
    }

    @Test
    void practitionersAndOtherTeamsCannotAskThePanel() {
        ContactRegistered c = openNorthCase();

        assertThat(requestPanel("worker.north", c.caseRef(), PanelProcessTest.request("S20_ACCOMMODATION", null)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(requestPanel("manager.south", c.caseRef(), PanelProcessTest.request("S20_ACCOMMODATION", null)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM panel_request WHERE case_id = ?", Integer.class, c.caseId())).isZero();
    }

    @Test
    void anIncompleteRequestIsA400AndNothingIsStored() {
        ContactRegistered c = openNorthCase();
        Map<String, Object> body = new HashMap<>(PanelProcessTest.request("ADOPT_TOMORROW", "POLICE_PROTECTION"));
        body.remove("riskSummary");
        body.remove("emergencyOn");

        ResponseEntity<Map> answer = requestPanel("manager.north", c.caseRef(), body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) answer.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactlyInAnyOrder("proposal", "riskSummary", "emergencyOn");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM panel_request WHERE case_id = ?", Integer.class, c.caseId())).isZero();
    }

    @Test
    void onlyAPanelChairCorrectsADecision() {
        ContactRegistered c = openNorthCase();
        var answer = requestPanel("manager.north", c.caseRef(), PanelProcessTest.request("SUPPORT_AT_HOME", null));
        String pi = (String) answer.getBody().get("processInstanceId");
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
        var support = PanelProcessTest.decision("SUPPORT_AT_HOME");
        support.put("supportReviewOn", TestTime.today().plusMonths(3).toString());
        drive.complete(pi, ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", List.of("panel-chair"), support);
        long decisionId = jdbc.queryForObject("SELECT d.id FROM panel_decision d JOIN panel_request r ON r.id = d.request_id WHERE r.case_id = ?",
                Long.class, c.caseId());
        var correction = new HashMap<String, Object>(support);
        correction.put("correctionReason", "Conditions omitted");
        correction.put("conditions", "Weekly visits by the worker");

        assertThat(rest.withBasicAuth("manager.north", "demo").postForEntity("/api/panel/decisions/" + decisionId + "/corrections",
                correction, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> corrected = rest.withBasicAuth("panel.chair", "demo").postForEntity(
                "/api/panel/decisions/" + decisionId + "/corrections", correction, Map.class);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) corrected.getBody().get("supersedes")).longValue()).isEqualTo(decisionId);
    }

    @Test
    void aTeamManagerCanAskThePanelFromTheTasklistStartForm() {
        ContactRegistered c = openNorthCase();
        Map<String, Object> form = new HashMap<>();
        PanelProcessTest.request("S20_ACCOMMODATION", null).forEach((k, v) -> form.put(k, Map.of("value", v)));
        form.put("caseRef", Map.of("value", c.caseRef()));

        ResponseEntity<Map> started = rest.withBasicAuth("manager.north", "demo").postForEntity(
                "/engine-rest/process-definition/key/receptionIntoCarePanel/submit-form", Map.of("variables", form), Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(started.getBody()).containsEntry("businessKey", c.caseRef());
        assertThat(jdbc.queryForObject("SELECT source FROM panel_request WHERE case_id = ?", String.class, c.caseId())).isEqualTo("TASKLIST");

        form.put("caseRef", Map.of("value", "CSC-2026-999999"));
        ResponseEntity<Map> unknown = rest.withBasicAuth("manager.north", "demo").postForEntity(
                "/engine-rest/process-definition/key/receptionIntoCarePanel/submit-form", Map.of("variables", form), Map.class);
        assertThat(unknown.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat((String) unknown.getBody().get("message")).contains("caseRef");
    }
}
