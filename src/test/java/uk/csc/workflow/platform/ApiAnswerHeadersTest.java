package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.SpringVersion;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.support.PostgresIntegrationTest;

/** Every answer of the APIs, errors included, is never cached; the public info endpoint names no versions. */
@PostgresIntegrationTest
class ApiAnswerHeadersTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyApiAnswerIsNoStore() {
        TestRestTemplate worker = rest.withBasicAuth("worker.north", "demo");
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        HttpHeaders foreign = new HttpHeaders();
        foreign.setOrigin("https://evil.example");
        foreign.setContentType(MediaType.APPLICATION_JSON);

        Map<String, Supplier<ResponseEntity<String>>> answers = Map.ofEntries(
                Map.entry("api 200", () -> worker.getForEntity("/api/timescales", String.class)),
                Map.entry("api csv", () -> rest.withBasicAuth("service.manager", "demo").exchange("/api/performance/indicators?from=2026-04-01&to=2026-11-30",
                        HttpMethod.GET, new HttpEntity<>(csv), String.class)),
                Map.entry("api 400", () -> worker.getForEntity("/api/timescales/ICPC?from=not-a-date", String.class)),
                Map.entry("api 401", () -> rest.getForEntity("/api/timescales", String.class)),
                Map.entry("api 403", () -> rest.withBasicAuth("panel.chair", "demo").postForEntity("/api/contacts", Map.of(), String.class)),
                Map.entry("api cross-site 403", () -> worker.exchange("/api/contacts", HttpMethod.POST,
                        new HttpEntity<>("{}", foreign), String.class)),
                Map.entry("api 404", () -> worker.getForEntity("/api/cases/CSC-1900-000000", String.class)),
                Map.entry("api no such path", () -> worker.getForEntity("/api/no-such-thing", String.class)),
                Map.entry("api 405", () -> worker.exchange("/api/timescales", HttpMethod.DELETE, null, String.class)),
                Map.entry("engine-rest 200", () -> worker.getForEntity("/engine-rest/task", String.class)),
                Map.entry("engine-rest xml", () -> worker.getForEntity("/engine-rest/process-definition/key/referralToAssessment/xml",
                        String.class)),
                Map.entry("engine-rest 404", () -> worker.getForEntity("/engine-rest/task/no-such-task", String.class)),
                Map.entry("engine-rest 401", () -> rest.getForEntity("/engine-rest/task", String.class)),
                Map.entry("engine-rest 400", () -> worker.postForEntity("/engine-rest/user/create", Map.of(), String.class)),
                Map.entry("engine-rest 403", () -> worker.postForEntity("/engine-rest/user/create",
                        Map.of("profile", Map.of("id", "not.allowed"), "credentials", Map.of("password", "a-long-password-1")),
                        String.class)));

        answers.forEach((what, call) -> {
            ResponseEntity<String> answer = call.get();
            assertThat(answer.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).as(what + " (" + answer.getStatusCode() + ")")
                    .isNotNull().contains("no-store");
        });
        assertThat(answers.get("api csv").get().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answers.get("engine-rest xml").get().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theInfoEndpointNamesTheApplicationAndNoRuntimeVersions() {
        ResponseEntity<Map> info = rest.getForEntity("/actuator/info", Map.class);
        ResponseEntity<String> text = rest.getForEntity("/actuator/info", String.class);

        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(info.getBody()).containsOnlyKeys("app");
        assertThat((Map<String, Object>) info.getBody().get("app")).containsEntry("name", "Children's social care workflow");
        assertThat(text.getBody()).doesNotContain(System.getProperty("java.version"))
                .doesNotContain(System.getProperty("os.version"))
                .doesNotContain(SpringBootVersion.getVersion())
                .doesNotContain(SpringVersion.getVersion())
                .doesNotContain("7.24")
                .doesNotContainPattern("\\d+\\.\\d+\\.\\d+");
    }
}
