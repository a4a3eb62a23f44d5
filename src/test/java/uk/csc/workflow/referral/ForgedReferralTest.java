package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.platform.security.CaseAccess;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Nothing a caller sends decides which case and team a process belongs to or who acts on its tasks.
 * The engine door stops these calls first (EngineDoorTest); here they reach the engine anyway, as
 * an administrator's REST call or a variable set behind the door's back, and the process still
 * refuses: the start's first step never takes a case from a form, and every completion is checked
 * against the case's team as the case file has it.
 */
@PostgresIntegrationTest
class ForgedReferralTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    CaseAccess access;
    @Autowired
    JdbcTemplate jdbc;

    private ContactRegistered south() {
        return drive.receive(new ContactRequest(new ContactRequest.Child("South" + System.nanoTime(), "Child",
                TestTime.bornYearsAgo(6), null, "M", "WBRI", "B12 9AA", null, null), "2A", TestTime.now(), "Concerns",
                "CHILD_IN_NEED", false, false, true, null));
    }

    private ContactRegistered north() {
        return drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().toString()));
    }

    private static Map<String, Object> contactForm(String firstName) {
        Map<String, Object> form = new HashMap<>();
        Map.of("childFirstName", firstName, "childLastName", "Forged", "childDateOfBirth", "2020-02-02", "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "referralSource", "6", "receivedOn", TestTime.today().toString(),
                "concerns", "Police attended the home", "concernLevel", "CHILD_IN_NEED").forEach((k, v) -> form.put(k, Map.of("value", v)));
        return form;
    }

    @Test
    void aStartFormThatNamesAnotherTeamsCaseIsRefusedAndThatCaseIsUntouched() {
        ContactRegistered south = south();
        Map<String, Object> form = contactForm("Forged" + System.nanoTime());
        form.put("caseId", Map.of("value", south.caseId(), "type", "Long"));
        form.put("caseRef", Map.of("value", south.caseRef()));
        form.put("team", Map.of("value", "team-north"));

        ResponseEntity<Map> refused = rest.withBasicAuth("admin", "demo").postForEntity(
                "/engine-rest/process-definition/key/" + ReferralToAssessmentModel.PROCESS_ID + "/submit-form",
                Map.of("variables", form, "businessKey", south.caseRef()), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("a start form cannot name one");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(south.caseRef()).list())
                .extracting(p -> p.getId()).containsExactly(south.processInstanceId());
        assertThat(jdbc.queryForObject("SELECT team FROM care_case WHERE id = ?", String.class, south.caseId())).isEqualTo("team-south");
    }

    @Test
    void whatAStartFormSendsAboutTeamsAndPeopleIsDropped() {
        String name = "Dropped" + System.nanoTime();
        Map<String, Object> values = new HashMap<>();
        contactForm(name).forEach((k, v) -> values.put(k, ((Map<?, ?>) v).get("value")));
        values.put("team", "team-south");
        values.put("teamManagers", List.of("manager.south"));
        values.put("worker", "worker.south");
        values.put("dutyWorker", "someone.else");
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID)
                .latestVersion().singleResult().getId();

        identity.setAuthentication("worker.north", List.of("practitioner", "team-north"));
        String pi;
        try {
            pi = forms.submitStartForm(definition, values).getId();
        } finally {
            identity.clearAuthentication();
        }

        assertThat(runtime.getVariable(pi, "team")).isEqualTo("team-north");
        assertThat(runtime.getVariable(pi, "teamManagers")).isEqualTo("manager.north");
        assertThat(runtime.getVariables(pi)).doesNotContainKey("worker");
        assertThat(runtime.getVariable(pi, "dutyWorker")).isEqualTo("worker.north");
        assertThat(access.readersOf(pi)).containsExactlyInAnyOrder("team-north", "service-manager");
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION))
                .satisfies(t -> assertThat(tasks.getIdentityLinksForTask(t.getId()))
                        .noneMatch(l -> "manager.south".equals(l.getUserId())));
    }

    @Test
    void aPanelStartFormCannotNameARequest() {
        ContactRegistered c = north();
        ResponseEntity<Map> refused = rest.withBasicAuth("admin", "demo").postForEntity(
                "/engine-rest/process-definition/key/" + ReceptionIntoCarePanelModel.PROCESS_ID + "/submit-form",
                Map.of("variables", Map.of("caseRef", Map.of("value", c.caseRef()),
                        ReceptionIntoCarePanelModel.Variables.REQUEST_ID, Map.of("value", 1L, "type", "Long"))), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("a start form cannot name one");
    }

    @Test
    void anotherTeamsManagerNamedInTheVariablesStillCannotDecide() {
        ContactRegistered c = north();
        // As if teamManagers had been changed behind the door's back before the decision task was made.
        runtime.setVariable(c.processInstanceId(), "teamManagers", List.of("manager.south"));
        Task decision = drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
        tasks.addCandidateUser(decision.getId(), "manager.south");

        ResponseEntity<Map> refused = rest.withBasicAuth("manager.south", "demo").postForEntity("/engine-rest/task/" + decision.getId()
                + "/complete", Map.of("variables", Map.of("referralDecision", Map.of("value", "NO_FURTHER_ACTION"))), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) refused.getBody().get("message")).contains("is for team-north");
        assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isOne();
        assertThat(drive.caseOutcome(c.caseRef())).isNull();
    }

    @Test
    void aCompletionIsRefusedWhenTheProcessNamesAnotherCaseOrTeam() {
        ContactRegistered north = north();
        ContactRegistered other = north();
        Task decision = drive.task(north.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);

        runtime.setVariable(north.processInstanceId(), "caseId", other.caseId());
        Throwable otherCase = catchThrowable(() -> drive.asManager(north.processInstanceId(),
                ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "NO_FURTHER_ACTION")));
        runtime.setVariable(north.processInstanceId(), "caseId", north.caseId());
        runtime.setVariable(north.processInstanceId(), "team", "team-south");
        Throwable otherTeam = catchThrowable(() -> drive.asManager(north.processInstanceId(),
                ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "NO_FURTHER_ACTION")));

        assertThat(deepest(otherCase)).isInstanceOf(AuthorizationException.class).hasMessageContaining("names another case");
        assertThat(deepest(otherTeam)).isInstanceOf(AuthorizationException.class).hasMessageContaining("names another team");
        assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isOne();
        assertThat(drive.caseOutcome(other.caseRef())).isNull();
    }

    private static Throwable deepest(Throwable t) {
        Throwable found = t;
        while (found != null && !(found instanceof AuthorizationException) && found.getCause() != null) {
            found = found.getCause();
        }
        return found;
    }
}
