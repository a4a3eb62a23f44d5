package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.WebappSession;

/**
 * What the operations team reads: a refused call or form is one INFO line naming the fields,
 * never the values and never a stack trace; a line break in a value cannot forge a log line;
 * a real fault is still logged at ERROR. Checks the console output as configured
 * (logback-spring.xml), through the real HTTP stack.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogSafetyTest {

    /** An NHS number (valid check digit) typed where a code belongs. */
    private static final String NHS_NUMBER = "9434765919";
    private static final String FORGED = "FAKE ERROR line";
    private static final String WITH_LINE_BREAK = "WBRI\n2026-12-01T11:00:00.000Z ERROR 1 --- [main] x : " + FORGED;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    private Deployment faulty;
    private int mark;

    /** The contacts below were received in November 2026: this test's own day is five days later. */
    @BeforeEach
    void markTheOutput(CapturedOutput output) {
        ReferralDriver.at("2026-11-25T10:00");
        mark = output.getOut().length();
    }

    @AfterEach
    void removeTestProcess() {
        if (faulty != null) {
            repository.deleteDeployment(faulty.getId(), true);
        }
    }

    @Test
    void aRefusedApiCallIsOneInfoLineWithTheFieldsAndNoValues(CapturedOutput output) {
        Map<String, Object> contact = contact("Logged" + unique());
        contact.put("referralSource", NHS_NUMBER);
        ((Map<String, Object>) contact.get("child")).put("ethnicity", WITH_LINE_BREAK);

        ResponseEntity<Map> answer = rest.withBasicAuth("worker.north", "demo").postForEntity("/api/contacts", contact, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> lines = linesSince(output);
        assertThat(lines).filteredOn(l -> l.contains("Refused")).singleElement().satisfies(line -> assertThat(line)
                .contains(" INFO ").contains("Refused POST /api/contacts: 400 Bad Request")
                .contains("referralSource").contains("child.ethnicity"));
        assertNothingUnsafe(lines);
    }

    @Test
    void aTaskCompletionRefusedThroughTheEngineRestApiIsOneInfoLineWithoutTheEnginesErrors(CapturedOutput output) {
        String taskId = referralDecisionTask();
        mark = output.getOut().length();

        ResponseEntity<Map> nhsNumber = complete(taskId, NHS_NUMBER);
        ResponseEntity<Map> lineBreak = complete(taskId, "MAYBE\n" + FORGED);

        assertThat(nhsNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lineBreak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        List<String> lines = linesSince(output);
        assertThat(lines).filteredOn(l -> l.contains("Refused")).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains(" INFO ").contains("Refused POST /engine-rest/task/{}/complete: 400 Bad Request")
                .contains("fields referralDecision"));
        assertThat(String.join("\n", lines)).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-03051")
                .doesNotContain("ENGINE-REST-HTTP500");
        assertNothingUnsafe(lines);
    }

    @Test
    void aTasklistFormRefusedThroughTheWebappIsOneInfoLineToo(CapturedOutput output) {
        String taskId = referralDecisionTask();
        WebappSession tasklist = WebappSession.login(rest, "manager.north", "tasklist");
        mark = output.getOut().length();

        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + tasklist.sessionId() + "; XSRF-TOKEN=" + tasklist.xsrf());
        headers.set("X-XSRF-TOKEN", tasklist.xsrf());
        // As the browser sends it (Camunda's CSRF filter checks it too).
        headers.setOrigin(rest.getRootUri());
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = rest.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("referralDecision",
                        Map.of("value", NHS_NUMBER + "\n" + FORGED, "type", "String"))), headers), String.class);

        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(refused.getBody()).contains("referralDecision");
        List<String> lines = linesSince(output);
        assertThat(lines).filteredOn(l -> l.contains("Refused")).singleElement().satisfies(line -> assertThat(line)
                .contains(" INFO ").contains("/submit-form").contains("fields referralDecision"));
        assertNothingUnsafe(lines);
    }

    @Test
    void aValidationFailureInsideAnEngineCommandIsNotAnEngineError(CapturedOutput output) {
        faulty = repository.createDeployment().name("log-test").addClasspathResource("test-processes/refusingStep.bpmn").deploy();
        mark = output.getOut().length();

        ResponseEntity<String> overHttp = rest.withBasicAuth("admin", "demo").postForEntity(
                "/engine-rest/process-definition/key/refusingStep/start",
                Map.of("variables", Map.of("code", Map.of("value", NHS_NUMBER + "\n" + FORGED))), String.class);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("refusingStep", Map.of("code", NHS_NUMBER)))
                .hasMessageContaining("is not a code");

        assertThat(overHttp.getStatusCode().is2xxSuccessful()).isFalse();
        List<String> lines = linesSince(output);
        assertThat(lines).filteredOn(l -> l.contains("Refused")).singleElement().satisfies(line -> assertThat(line)
                .contains(" INFO ").contains("Refused POST /engine-rest/process-definition/key/{}/start").contains("(fields code)"));
        assertThat(String.join("\n", lines)).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-REST-HTTP500");
        assertNothingUnsafe(lines);
    }

    @Test
    void aLineBreakInAValueCannotForgeALogLine(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger("uk.csc.workflow.LogSafetyTest");

        log.warn("A value: {}", "x\r\n" + FORGED);
        log.warn("A failure", new IllegalStateException("bad value y\n" + FORGED,
                new IllegalArgumentException("cause z\r" + FORGED)));

        List<String> lines = linesSince(output);
        assertThat(lines).noneMatch(l -> l.startsWith(FORGED));
        String text = String.join("\n", lines);
        assertThat(text).contains("A value: x\\r\\n" + FORGED)
                .contains("java.lang.IllegalStateException: bad value y\\n" + FORGED)
                .contains("Caused by: java.lang.IllegalArgumentException: cause z\\r" + FORGED)
                // The stack trace itself keeps its lines.
                .containsPattern("\n\tat uk\\.csc\\.workflow\\.platform\\.LogSafetyTest\\.");
    }

    @Test
    void aRealEngineFaultStillReachesTheLogAtError(CapturedOutput output) {
        faulty = repository.createDeployment().name("log-test").addClasspathResource("test-processes/faultyTask.bpmn").deploy();
        String pi = runtime.startProcessInstanceByKey("faultyTask").getId();
        String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
        mark = output.getOut().length();

        ResponseEntity<String> failed = rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of()), String.class);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(linesSince(output)).anySatisfy(line -> assertThat(line).contains(" ERROR ").contains("ENGINE-16004")
                .contains("noSuchBeanAnywhere"));
    }

    /** No refused value, no forged line, no stack trace, nothing at ERROR or WARN. */
    private static void assertNothingUnsafe(List<String> lines) {
        String text = String.join("\n", lines);
        assertThat(text).doesNotContain(NHS_NUMBER).doesNotContain(FORGED).doesNotContain("WBRI").doesNotContain("MAYBE");
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"))
                .noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN "));
    }

    private List<String> linesSince(CapturedOutput output) {
        return List.of(output.getOut().substring(mark).split("\\R"));
    }

    private ResponseEntity<Map> complete(String taskId, String decision) {
        return rest.withBasicAuth("manager.north", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("referralDecision", Map.of("value", decision))), Map.class);
    }

    private String referralDecisionTask() {
        ResponseEntity<Map> created = rest.withBasicAuth("worker.north", "demo")
                .postForEntity("/api/contacts", contact("Decision" + unique()), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return tasks.createTaskQuery().processInstanceId((String) created.getBody().get("processInstanceId"))
                .singleResult().getId();
    }

            private static Map<String, Object> contact(String firstName) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", firstName, "lastName", "Log", "dateOfBirth", "2018-03-01",
                "sex", "M", "ethnicity", "BAFR", "postcode", "B23 6AB"));
        return new HashMap<>(Map.of("child", child, "referralSource", "3A", "receivedAt", "2026-11-20T10:30:00Z",
                "concerns", "GP concerned about weight loss", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
