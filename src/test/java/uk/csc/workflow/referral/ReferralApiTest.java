package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** The front door and case APIs over HTTP on PostgreSQL: intake, validation, team scoping and audit. */
@PostgresIntegrationTest
class ReferralApiTest {

    /** The contacts below were received on Friday 20 November 2026; the test runs five days later. */
    @BeforeEach
    void pinTheDay() {
        ReferralDriver.at("2026-11-25T10:00");
    }


    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;

    static Map<String, Object> contactJson(String firstName, String postcode, String nhsNumber) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", firstName, "lastName", "Api", "dateOfBirth", "2018-03-01",
                "sex", "M", "ethnicity", "BAFR", "postcode", postcode));
        if (nhsNumber != null) {
            child.put("nhsNumber", nhsNumber);
        }
        return new HashMap<>(Map.of("child", child, "referralSource", "3A", "receivedAt", "2026-11-20T10:30:00Z",
                "concerns", "GP concerned about weight loss", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }

    private ResponseEntity<Map> post(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/contacts", body, Map.class);
    }

    @Test
    void aContactIsRecordedRoutedByPostcodeAndStartsItsRoute() {
        String name = "Intake" + UUID.randomUUID().toString().substring(0, 6);
        ResponseEntity<Map> answer = post("worker.south", contactJson(name, "B13 9AA", NhsNumbers.next()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseRef = (String) answer.getBody().get("caseRef");
        assertThat(caseRef).matches("CSC-2026-\\d{6}");
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/cases/" + caseRef);
        // B13 is a south district in the routing table.
        assertThat(answer.getBody()).containsEntry("team", "team-south").containsEntry("reReferral", false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM care_case WHERE case_ref = ? AND process_instance_id IS NOT NULL",
                Integer.class, caseRef)).isEqualTo(1);

        ResponseEntity<Map> summary = rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + caseRef, Map.class);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(summary.getBody()).containsEntry("stage", "REFERRAL_DECISION").containsEntry("team", "team-south");

        ResponseEntity<List<Map<String, Object>>> timescales = rest.withBasicAuth("manager.south", "demo").exchange(
                "/api/cases/" + caseRef + "/timescales", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(timescales.getBody()).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("rule", "REFERRAL_DECISION").containsEntry("startedOn", "2026-11-20")
                .containsEntry("dueOn", "2026-11-23").containsKey("status"));

        assertThat(jdbc.queryForList("SELECT user_id || ' ' || action FROM audit_event WHERE subject_ref = ?", String.class, caseRef))
                .contains("worker.south CREATE", "worker.south READ", "manager.south READ");
    }

    @Test
    void anotherTeamsPractitionerIsRefused() {
        ResponseEntity<Map> answer = post("worker.north", contactJson("Scoped" + UUID.randomUUID().toString().substring(0, 6), "B23 6AB", null));
        String caseRef = (String) answer.getBody().get("caseRef");
        assertThat(answer.getBody()).containsEntry("team", "team-north");

        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + caseRef, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + caseRef + "/timescales", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("service.manager", "demo").getForEntity("/api/cases/" + caseRef, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND user_id = 'worker.south' AND detail LIKE 'refused%'",
                Integer.class, caseRef)).isEqualTo(2);
    }

    /**
     * Changed with the duplicate check: the same names and date of birth without an NHS number
     * are a likely match that the worker confirms (409 with the candidate first), no longer linked
     * silently.
     */
    @Test
    void theDutyWorkerCanOverrideTheTeamAndAChildIsLinkedAndFlaggedAsReReferred() {
        String name = "Linked" + UUID.randomUUID().toString().substring(0, 6);
        ResponseEntity<Map> first = post("worker.north", contactJson(name, "B23 6AB", null));
        Map<String, Object> again = contactJson(name, "B23 6AB", null);
        again.put("teamOverride", "team-south");
        ResponseEntity<Map> proposed = post("worker.north", again);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        again.put("matchDecision", Map.of("childId", first.getBody().get("childId"), "decision", "CONFIRM"));
        ResponseEntity<Map> second = post("worker.north", again);

        assertThat(second.getBody()).containsEntry("linkedToExistingChild", true).containsEntry("reReferral", true)
                .containsEntry("team", "team-south");
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT child_id) FROM care_case WHERE case_ref IN (?, ?)", Integer.class,
                first.getBody().get("caseRef"), second.getBody().get("caseRef"))).isEqualTo(1);
    }

    @Test
    void anInvalidContactListsEveryFieldAndStoresNothing() {
        long casesBefore = jdbc.queryForObject("SELECT count(*) FROM care_case", Long.class);
        Map<String, Object> bad = contactJson("", "not a postcode", "9434765918");
        ((Map<String, Object>) bad.get("child")).put("ethnicity", "XXXX");
        bad.put("referralSource", "99");
        bad.remove("consent");

        ResponseEntity<Map> answer = post("worker.north", bad);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) answer.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactlyInAnyOrder("child.firstName", "child.postcode", "child.nhsNumber", "child.ethnicity",
                        "referralSource", "consent");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM care_case", Long.class)).isEqualTo(casesBefore);
    }

    @Test
    void malformedJsonIsABadRequest() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = rest.withBasicAuth("worker.north", "demo").exchange("/api/contacts", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("{\"child\": ", headers), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void panelChairsDoNotRecordContacts() {
        assertThat(post("panel.chair", contactJson("Chair", "B23 6AB", null)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBadTaskCompletionThroughTheEngineRestApiIsA400AndTheTaskStaysOpen() {
        ResponseEntity<Map> answer = post("worker.north", contactJson("Rest" + UUID.randomUUID().toString().substring(0, 6), "B23 6AB", null));
        String pi = (String) answer.getBody().get("processInstanceId");
        String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

        ResponseEntity<Map> refused = rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("referralDecision", Map.of("value", "MAYBE"))), Map.class);
        ResponseEntity<Map> notTheirs = rest.withBasicAuth("mash.police", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("referralDecision", Map.of("value", "ACCEPT_REFERRAL"))), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("referralDecision");
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        ResponseEntity<String> done = rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("referralDecision", Map.of("value", "ACCEPT_REFERRAL"))), String.class);
        assertThat(done.getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void aDutyWorkerCanStartTheRouteFromTheTasklistStartForm() {
        String name = "Form" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> form = new HashMap<>();
        Map.of("childFirstName", name, "childLastName", "Started", "childDateOfBirth", "2020-02-02", "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "referralSource", "6", "receivedOn", "2026-11-25",
                "concerns", "Police attended the home", "concernLevel", "LOW_LEVEL_NEED")
                .forEach((k, v) -> form.put(k, Map.of("value", v)));
        form.put("consent", Map.of("value", true, "type", "Boolean"));
        form.put("dvNotification", Map.of("value", false, "type", "Boolean"));

        ResponseEntity<Map> started = rest.withBasicAuth("worker.north", "demo").postForEntity(
                "/engine-rest/process-definition/key/referralToAssessment/submit-form", Map.of("variables", form), Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String caseRef = (String) started.getBody().get("businessKey");
        assertThat(caseRef).matches("CSC-2026-\\d{6}");
        assertThat(jdbc.queryForObject("SELECT c.team FROM care_case c JOIN child ch ON ch.id = c.child_id WHERE ch.first_name = ?",
                String.class, name)).isEqualTo("team-north");

        form.put("childPostcode", Map.of("value", "nowhere"));
        ResponseEntity<Map> invalid = rest.withBasicAuth("worker.north", "demo").postForEntity(
                "/engine-rest/process-definition/key/referralToAssessment/submit-form", Map.of("variables", form), Map.class);
        assertThat(invalid.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // The start form's refusal names the form's own field.
        assertThat((String) invalid.getBody().get("message")).contains("childPostcode");
        assertThat((List<Map<String, String>>) invalid.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactly("childPostcode");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child WHERE first_name = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void escalationsAreListedForTheManagersTeam() {
        ResponseEntity<List> open = rest.withBasicAuth("manager.north", "demo").getForEntity("/api/escalations?status=open&team=team-north", List.class);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("manager.north", "demo").getForEntity("/api/escalations?team=team-south", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("manager.north", "demo").getForEntity("/api/escalations?status=maybe", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
