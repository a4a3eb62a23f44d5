package uk.csc.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** The looked-after API over HTTP on PostgreSQL: start, early review, placement change, ceasing, reviews; scoping and audit. */
@PostgresIntegrationTest
class LookedAfterApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    LookedAfterDriver care;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void tenthOfDecember() {
        at("2026-12-10T10:00");
    }


    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private ResponseEntity<Map> post(String user, String path, Object body) {
        return as(user).postForEntity(path, body, Map.class);
    }

    private ResponseEntity<List<Map<String, Object>>> reviews(String user, String caseRef) {
        return as(user).exchange("/api/cases/" + caseRef + "/reviews", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }

    private static Map<String, Object> start(String legalStatus) {
        return new HashMap<>(Map.of("startDate", "2026-12-10", "legalStatus", legalStatus, "placementType", "U4",
                "placementProvider", "PR1", "reasonForNewEpisode", "S"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> problemFields(ResponseEntity<Map> answer) {
        return ((List<Map<String, Object>>) answer.getBody().get("problems")).stream().map(p -> (String) p.get("field")).toList();
    }

    @Test
    void aChildTakenIntoPoliceProtectionBecomesLookedAfterAndTheReviewsAreScopedAndAudited() {
        ContactRegistered c = care.childBorn("2018-02-02");

        ResponseEntity<Map> started = post("worker.north", "/api/cases/" + c.caseRef() + "/looked-after", start("L1"));

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/cases/" + c.caseRef() + "/reviews");
        assertThat(started.getBody()).containsEntry("caseRef", c.caseRef()).containsKey("processInstanceId");
        // 20 working days from Thursday 10 December 2026 (25, 28 Dec and 1 Jan skipped): 12 January 2027.
        ResponseEntity<List<Map<String, Object>>> forIro = reviews("iro", c.caseRef());
        assertThat(forIro.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forIro.getBody()).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("sequenceNumber", 1).containsEntry("rule", "LAC_REVIEW_FIRST")
                .containsEntry("countedFrom", "2026-12-10").containsEntry("dueOn", "2027-01-12")
                .containsEntry("heldOn", null).containsEntry("status", "OPEN"));
        assertThat(reviews("manager.north", c.caseRef()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("worker.south").getForEntity("/api/cases/" + c.caseRef() + "/reviews", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(jdbc.queryForList("SELECT user_id || ' ' || action || ' ' || detail FROM audit_event WHERE subject_ref = ?",
                String.class, c.caseRef())).contains(
                "worker.north UPDATE became looked after on 2026-12-10: RNE S, LS L1, PLACE U4, PR1",
                "iro READ looked-after reviews", "manager.north READ looked-after reviews",
                "worker.south READ refused: another team's case");
    }

    @Test
    void invalidOrUnauthorisedRequestsChangeNothing() {
        ContactRegistered c = care.childBorn("2018-02-03");
        String path = "/api/cases/" + c.caseRef() + "/looked-after";

        var bad = start("C9");
        bad.put("placementType", "U7");
        bad.put("reasonForNewEpisode", "P");
        ResponseEntity<Map> refused = post("worker.north", path, bad);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemFields(refused)).containsExactlyInAnyOrder("legalStatus", "placementType", "reasonForNewEpisode");
        assertThat(post("worker.north", path, Map.of("startDate", "10/12/2026")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("worker.south", path, start("V2")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("iro", path, start("V2")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("worker.north", "/api/cases/CSC-1999-000000/looked-after", start("V2")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> notInCare = post("iro", path + "/early-review", Map.of("reason", "IRO request"));
        assertThat(notInCare.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemFields(notInCare)).containsExactly("caseRef");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM looked_after_period WHERE case_id = ?", Integer.class, c.caseId())).isZero();
        assertThat(reviews("worker.north", c.caseRef()).getBody()).isEmpty();
    }

    @Test
    void earlyReviewPlacementChangeAndCeasingOverHttp() {
        ContactRegistered c = care.childBorn("2018-02-04");
        String path = "/api/cases/" + c.caseRef() + "/looked-after";
        assertThat(post("worker.north", path, start("L1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> noReason = post("iro", path + "/early-review", Map.of());
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemFields(noReason)).containsExactly("reason");
        // The first review is being arranged already: the request is recorded, nothing moves.
        ResponseEntity<Map> early = post("iro", path + "/early-review", Map.of("reason", "Care plan to change: return home"));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(early.getBody()).containsEntry("reviewNumber", 1).containsEntry("dueOn", "2027-01-12")
                .containsEntry("arrangingNow", false);

        // Police protection ends after two days: accommodated under section 20 with the same carer (U).
        at("2026-12-14T10:00");
        var change = new HashMap<String, Object>(Map.of("startDate", "2026-12-12", "legalStatus", "V2", "placementType", "U4",
                "placementProvider", "PR1", "reasonForNewEpisode", "T"));
        ResponseEntity<Map> wrongReason = post("worker.north", path + "/placement-changes", change);
        assertThat(wrongReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problemFields(wrongReason)).containsExactly("legalStatus");
        change.put("reasonForNewEpisode", "U");
        assertThat(post("worker.north", path + "/placement-changes", change).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForList("SELECT legal_status FROM looked_after_episode WHERE case_id = ? ORDER BY started_on",
                String.class, c.caseId())).containsExactly("L1", "V2");

        ResponseEntity<Map> unknownReason = post("manager.north", path + "/cease", Map.of("ceasedOn", "2026-12-14", "reason", "E99"));
        assertThat(problemFields(unknownReason)).containsExactly("reason");
        assertThat(as("manager.north").postForEntity(path + "/cease", Map.of("ceasedOn", "2026-12-14", "reason", "E4A"), Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reviews("manager.north", c.caseRef()).getBody()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "CANCELLED").containsEntry("early", true));
        assertThat(post("manager.north", path + "/cease", Map.of("ceasedOn", "2026-12-14", "reason", "E4A")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
