package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.WebappSession;

/**
 * A browser replays HTTP Basic credentials and the webapp session cookie on requests another
 * site makes it send. Changes that say they come from another site are refused before anyone is
 * signed in; the server's own pages (Tasklist, Cockpit) and scripts keep working.
 */
@PostgresIntegrationTest
class CrossSiteRequestTest {

    /** The dates below (contacts received in November 2026, follow-up dates in December) are this test's own day. */
    @BeforeEach
    void pinTheDay() {
        ReferralDriver.at("2026-11-25T10:00");
    }

    private static final String EVIL = "https://evil.example";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    @Test
    void aChangeFromAnotherOriginIsRefusedWithPlainWordsAndNothingIsStored() {
        String name = "Forged" + unique();

        ResponseEntity<String> answer = postContact(name, h -> h.setOrigin(EVIL));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"status\":403").contains("sent from another web site and has been refused");
        assertThat(childrenNamed(name)).isZero();
    }

    @Test
    void aMultipartPostWithBasicCredentialsFromAnotherOriginIsRefused() {
        // What an HTML form on another site can send without any script: multipart, with the browser's Basic credentials.
        String name = "forged-" + unique();
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", name);
        form.add("data", new ByteArrayResource(FORGED_MODEL.getBytes()) {
            @Override
            public String getFilename() {
                return "forged.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setOrigin(EVIL);
        headers.set("Sec-Fetch-Site", "cross-site");

        ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    }

    @Test
    void secFetchSiteCrossSiteIsRefusedWithoutAnOrigin() {
        String name = "Fetched" + unique();

        ResponseEntity<String> answer = postContact(name, h -> h.set("Sec-Fetch-Site", "cross-site"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(childrenNamed(name)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/page.html", "http://localhost.evil.example/", "not a url"})
    void aRefererFromAnotherOriginIsRefusedWhenThereIsNoOrigin(String referer) {
        String name = "Referred" + unique();

        ResponseEntity<String> answer = postContact(name, h -> h.set(HttpHeaders.REFERER, referer));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(childrenNamed(name)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://localhost:1", "https://evil.example"})
    void otherOriginsAreRefusedForEveryKindOfChange(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(origin);
        headers.setContentType(MediaType.APPLICATION_JSON);

        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/process-instance/x/variables",
                    method, new HttpEntity<>("{}", headers), String.class);
            assertThat(answer.getStatusCode()).as(method + " from " + origin).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theServersOwnPagesAndScriptsCanChange() {
        String own = "Own" + unique();
        String script = "Script" + unique();
        String fetched = "Fetched" + unique();

        ResponseEntity<String> fromOwnPage = postContact(own, h -> h.setOrigin(rest.getRootUri()));
        ResponseEntity<String> fromScript = postContact(script, h -> { });
        ResponseEntity<String> sameOrigin = postContact(fetched, h -> {
            h.set("Sec-Fetch-Site", "same-origin");
            h.set(HttpHeaders.REFERER, rest.getRootUri() + "/camunda/app/tasklist/default/");
        });

        assertThat(fromOwnPage.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fromScript.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(sameOrigin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(childrenNamed(own) + childrenNamed(script) + childrenNamed(fetched)).isEqualTo(3);
    }

    @Test
    void readingFromAnotherOriginIsNotAChange() {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(EVIL);

        assertThat(rest.withBasicAuth("worker.north", "demo").exchange("/api/timescales", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWebappSessionCallFromTheServersOwnPageWorksAndFromAnotherSiteDoesNot() {
        WebappSession webapp = WebappSession.login(rest, "worker.north", "tasklist");
        String own = "Session" + unique();
        String forged = "SessionForged" + unique();

        ResponseEntity<String> fromCockpit = postContact(own, sessionHeaders(webapp, rest.getRootUri()));
        ResponseEntity<String> fromElsewhere = postContact(forged, sessionHeaders(webapp, EVIL));

        assertThat(fromCockpit.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fromElsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(childrenNamed(own)).isEqualTo(1);
        assertThat(childrenNamed(forged)).isZero();
    }

    private ResponseEntity<String> postContact(String firstName, Consumer<HttpHeaders> browser) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        browser.accept(headers);
        TestRestTemplate client = headers.containsKey(HttpHeaders.COOKIE) ? rest : rest.withBasicAuth("worker.north", "demo");
        return client.exchange("/api/contacts", HttpMethod.POST, new HttpEntity<>(contact(firstName), headers), String.class);
    }

    private static Consumer<HttpHeaders> sessionHeaders(WebappSession session, String origin) {
        return h -> {
            h.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.sessionId() + "; XSRF-TOKEN=" + session.xsrf());
            h.set("X-XSRF-TOKEN", session.xsrf());
            h.set("X-Requested-With", "XMLHttpRequest");
            h.setOrigin(origin);
        };
    }

        private int childrenNamed(String firstName) {
        return jdbc.queryForObject("SELECT count(*) FROM child WHERE first_name = ?", Integer.class, firstName);
    }

    private static Map<String, Object> contact(String firstName) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", firstName, "lastName", "Origin", "dateOfBirth", "2018-03-01",
                "sex", "F", "ethnicity", "WBRI", "postcode", "B23 6AB"));
        return new HashMap<>(Map.of("child", child, "referralSource", "3A", "receivedAt", "2026-11-20T10:30:00Z",
                "concerns", "School concerned about attendance", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static final String FORGED_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Forged" targetNamespace="http://evil.example">
              <bpmn:process id="forgedProcess" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
}
