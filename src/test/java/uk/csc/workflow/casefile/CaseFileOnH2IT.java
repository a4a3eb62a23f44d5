package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PinnedClock;

/**
 * The case file's SQL on the embedded H2 database, the zero-setup default (the other tests run
 * on PostgreSQL): the duplicate check, the file, notes, the chronology's merged sources, the child
 * search, task cards and contexts, and the team's workers, end to end over HTTP. Run by failsafe
 * in {@code mvn verify}, in a JVM of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:casefile;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa"})
@ActiveProfiles({"demo", "test"})
@ExtendWith(PinnedClock.class)
class CaseFileOnH2IT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    }

    private static Map<String, Object> contact(String first, String last) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", first, "lastName", last, "dateOfBirth", "2019-03-04",
                "sex", "M", "ethnicity", "BCRB", "postcode", "B23 6AB"));
        return new HashMap<>(Map.of("child", child, "referralSource", "3B", "receivedAt", "2026-12-01T09:00:00Z",
                "concerns", "Health visitor worried about weight", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }

    @Test
    void theCaseFileWorksOnH2() {
        assertThat(jdbc.queryForObject("SELECT DATABASE_PATH() IS NULL", Boolean.class)).as("an H2 in-memory database").isTrue();
        at("2026-12-01T11:00");

        ResponseEntity<Map> first = post("worker.north", "/api/contacts", contact("Jon", "Smyth"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> again = contact("Smith", "John");
        ResponseEntity<Map> proposed = post("worker.north", "/api/contacts", again);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        again.put("matchDecision", Map.of("childId", first.getBody().get("childId"), "decision", "CONFIRM"));
        ResponseEntity<Map> second = post("worker.north", "/api/contacts", again);
        assertThat(second.getBody()).containsEntry("linkedBy", "CONFIRMED_MATCH").containsEntry("reReferral", true);
        String ref = (String) second.getBody().get("caseRef");

        assertThat(post("worker.north", "/api/cases/" + ref + "/people", Map.of("name", "Grace Smyth", "relationship", "MOTHER",
                "parentalResponsibility", true, "livesWithChild", true)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("worker.north", "/api/cases/" + ref + "/professionals", Map.of("role", "HEALTH_VISITOR", "name", "Jo Bell"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("worker.north", "/api/cases/" + ref + "/alerts", Map.of("kind", "RESTRICTED_RECORD", "text", "Staff member's relative"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rest.withBasicAuth("worker.north", "demo").exchange("/api/cases/" + ref + "/child", HttpMethod.PUT,
                new HttpEntity<>(Map.of("firstLanguage", "ENG", "disabilities", List.of("NONE"))), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, Object> file = rest.withBasicAuth("worker.north", "demo").getForObject("/api/cases/" + ref + "/file", Map.class);
        assertThat((List<?>) file.get("alerts")).hasSize(1);
        assertThat((List<?>) file.get("people")).hasSize(1);
        assertThat((List<?>) file.get("deadlines")).hasSize(1);
        assertThat((Map<String, Object>) file.get("child")).containsEntry("ethnicity", Map.of("code", "BCRB", "label", "Black Caribbean"));

        drive.asManager((String) second.getBody().get("processInstanceId"), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "ACCEPT_REFERRAL"));
        ResponseEntity<Map> note = post("worker.north", "/api/cases/" + ref + "/notes",
                Map.of("type", "PHONE_CALL", "date", "2026-12-01", "text", "Spoke to the health visitor"));
        assertThat(post("worker.north", "/api/cases/" + ref + "/notes", Map.of("type", "PHONE_CALL", "date", "2026-12-01",
                "text", "Spoke to the health visitor and the GP", "corrects", note.getBody().get("id"))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        post("worker.north", "/api/cases/" + ref + "/chronology", Map.of("date", "2026-11-28", "kind", "HOUSING_EVENT",
                "summary", "Family moved to temporary accommodation"));
        List<Map<String, Object>> chronology = rest.withBasicAuth("worker.north", "demo")
                .getForObject("/api/cases/" + ref + "/chronology", List.class);
        assertThat(chronology).extracting(e -> (String) ((Map<?, ?>) e.get("kind")).get("code"))
                .contains("HOUSING_EVENT", "CONTACT", "CASE", "REFERRAL_DECISION", "NOTE");
        assertThat(chronology).extracting(e -> e.get("caseRef")).contains(first.getBody().get("caseRef"), ref);

        List<Map<String, Object>> found = rest.withBasicAuth("worker.north", "demo").getForObject("/api/children/search?q=smiht jon",
                List.class);
        assertThat(found).extracting(f -> f.get("lastName")).containsExactly("Smyth");
        assertThat(rest.withBasicAuth("worker.south", "demo").getForObject("/api/children/search?q=smyth", List.class)).isEmpty();

        String taskId = drive.task((String) first.getBody().get("processInstanceId"),
                ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION).getId();
        List<Map<String, Object>> cards = rest.withBasicAuth("manager.north", "demo").getForObject("/api/tasks/cards?ids=" + taskId, List.class);
        assertThat(cards).singleElement().satisfies(card -> assertThat(card).containsEntry("status", "DUE_SOON"));
        Map<String, Object> context = rest.withBasicAuth("manager.north", "demo").getForObject("/api/tasks/" + taskId + "/context", Map.class);
        assertThat((Map<String, Object>) context.get("details")).containsEntry("source", Map.of("code", "3B", "label", "Health services: health visitor"));

        List<Map<String, Object>> workers = rest.withBasicAuth("manager.north", "demo").getForObject("/api/teams/team-north/workers", List.class);
        assertThat(workers).extracting(w -> w.get("userId")).containsExactly("worker.north");
    }
}
