package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.support.WebappSession;

/**
 * What Tasklist itself receives when it submits a form through the webapps' engine API
 * ({@code /camunda/api/engine}): a refused form is 400 with each field and its reason in plain
 * English (the Tasklist plugin shows them beside the fields), never the engine's 500 and codes,
 * and nothing is recorded; a recorded contact answers with its case reference as business key
 * (the plugin shows it with a link to the case file).
 */
@PostgresIntegrationTest
class TasklistFormAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    private WebappSession duty;

    @BeforeEach
    void signIn() {
        ReferralDriver.at(TestTime.today() + "T10:00");
        duty = WebappSession.login(rest, "worker.north", "tasklist");
    }

    @Test
    void aContactRecordedInTasklistAnswersWithItsCaseReference() throws Exception {
        ResponseEntity<String> started = startContact(duty, contactForm("Ref" + unique(), NhsNumbers.next()));

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode instance = JSON.readTree(started.getBody());
        assertThat(instance.path("businessKey").asText()).matches("CSC-\\d{4}-\\d{6}");
    }

    @Test
    void aRefusedStartFormIsA400NamingEachFieldInPlainEnglishAndStartsNothing() throws Exception {
        String name = "Refused" + unique();
        Map<String, Object> form = contactForm(name, "12345");
        form.put("childPostcode", "not a postcode");
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("referralToAssessment").count();

        ResponseEntity<String> refused = startContact(duty, form);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode answer = JSON.readTree(refused.getBody());
        assertThat(answer.path("message").asText()).doesNotContain("ENGINE").doesNotContain("Exception");
        assertThat(fields(answer)).contains("childNhsNumber", "childPostcode");
        assertThat(refused.getBody()).doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("JavaDelegate");
        answer.path("problems").forEach(p -> assertThat(p.path("reason").asText()).isNotBlank().doesNotContain("^"));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("referralToAssessment").count()).isEqualTo(before);
    }

    @Test
    void aRefusedTaskFormIsA400NamingTheFieldAndTheTaskStaysOpen() throws Exception {
        ResponseEntity<String> started = startContact(duty, contactForm("Task" + unique(), NhsNumbers.next()));
        String instanceId = JSON.readTree(started.getBody()).path("id").asText();
        String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
        WebappSession manager = WebappSession.login(rest, "manager.north", "tasklist");

        ResponseEntity<String> refused = rest.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("referralDecision",
                        Map.of("value", "MAYBE", "type", "String"))), headers(manager)), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode answer = JSON.readTree(refused.getBody());
        assertThat(fields(answer)).contains("referralDecision");
        assertThat(refused.getBody()).doesNotContain("ENGINE-").doesNotContain("TaskListener");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    private ResponseEntity<String> startContact(WebappSession session, Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
        return rest.exchange("/camunda/api/engine/engine/default/process-definition/key/referralToAssessment/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers(session)), String.class);
    }

    private HttpHeaders headers(WebappSession session) {
        HttpHeaders headers = session.headers();
        headers.setOrigin(rest.getRootUri());
        return headers;
    }

    private static List<String> fields(JsonNode answer) {
        return answer.path("problems").findValuesAsText("field");
    }

    private static Map<String, Object> contactForm(String firstName, String nhsNumber) {
        return new HashMap<>(Map.ofEntries(Map.entry("childFirstName", firstName), Map.entry("childLastName", "Tasklist"),
                Map.entry("childUnborn", false), Map.entry("childDateOfBirth", TestTime.bornYearsAgo(6).toString()),
                Map.entry("childSex", "F"), Map.entry("childEthnicity", "WBRI"), Map.entry("childPostcode", "B23 6AB"),
                Map.entry("childNhsNumber", nhsNumber), Map.entry("referralSource", "3A"),
                Map.entry("receivedOn", TestTime.today().toString()), Map.entry("concerns", "GP worried about weight loss"),
                Map.entry("concernLevel", "CHILD_IN_NEED"), Map.entry("immediateRisk", false),
                Map.entry("dvNotification", false), Map.entry("consent", true)));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
