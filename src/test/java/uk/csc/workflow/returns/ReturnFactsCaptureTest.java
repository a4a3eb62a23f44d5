package uk.csc.workflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * What the returns need is captured on the case a practitioner works on, checked field by field, and
 * comes out in the return: UASC status, a missing episode, previous permanence, adoption milestones,
 * outcomes (OC2), care leaver OC3 items and assessment factors.
 */
@PostgresIntegrationTest
class ReturnFactsCaptureTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    StatutoryReturns returns;

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body), Map.class);
    }

    @Test
    void capturedFactsReachTheReturnAndBadValuesAreRefusedByField() {
        ReturnsCohort c = new ReturnsCohort(jdbc);
        long child = c.child(d("2010-06-01"), "M", "WBRI", null);
        long caseId = c.caseOf(child, "team-north", "worker.north", d("2024-01-02"), d("2024-01-02"), "6");
        long assessment = c.assessment(caseId, "SINGLE", d("2024-05-03"), d("2024-05-20"), "N1");
        long p = c.period(caseId, d("2024-02-01"), null, null);
        c.episode(p, caseId, d("2024-02-01"), "S", "C2", "U4", "PR1", null, null);
        String ref = jdbc.queryForObject("SELECT case_ref FROM care_case WHERE id = ?", String.class, caseId);
        String base = "/api/cases/" + ref;

        assertThat(call("worker.north", HttpMethod.PUT, base + "/child/return-status",
                Map.of("uasc", true, "uascCeasedOn", "2028-06-01", "upnUnknown", "UN2")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("worker.north", HttpMethod.POST, base + "/looked-after/missing-episodes",
                Map.of("kind", "A", "startedOn", "2025-05-02", "endedOn", "2025-05-03")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call("worker.north", HttpMethod.PUT, base + "/looked-after/previous-permanence",
                Map.of("prevPerm", "P3", "laPerm", "330", "datePerm", "2018-01-01")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("worker.north", HttpMethod.PUT, base + "/looked-after/adoption",
                Map.of("decidedOn", "2025-06-01", "matchedOn", "2025-09-01")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(call("worker.north", HttpMethod.PUT, base + "/looked-after/outcomes/2025",
                Map.of("sdqReason", "SDQ2", "healthCheck", true, "convicted", false)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> factors = call("worker.north", HttpMethod.PUT, base + "/assessment-factors", Map.of("factors", List.of("3B", "16A")));
        assertThat(factors.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForList("SELECT code FROM assessment_factor WHERE assessment_id = ? ORDER BY code", String.class, assessment))
                .containsExactly("16A", "3B");

        var tables = returns.ssda903(new CollectionYear(2025)).tables();
        String id = Long.toString(child);
        assertThat(tables.get("Header").records()).filteredOn(r -> r.get("CHILD").equals(id)).extracting(r -> r.get("UPN"))
                .containsExactly("UN2");
        assertThat(tables.get("UASC").records()).filteredOn(r -> r.get("CHILD").equals(id)).extracting(r -> r.get("DUC"))
                .containsExactly("01/06/2028");
        assertThat(tables.get("Missing").records()).filteredOn(r -> r.get("CHILD").equals(id))
                .extracting(r -> r.get("MISSING") + " " + r.get("MIS_START") + " " + r.get("MIS_END")).containsExactly("A 02/05/2025 03/05/2025");
        assertThat(tables.get("PlacedAdoption").records()).filteredOn(r -> r.get("CHILD").equals(id)).extracting(r -> r.get("DATE_PLACED"))
                .containsExactly("01/06/2025");
        assertThat(tables.get("OC2").records()).filteredOn(r -> r.get("CHILD").equals(id))
                .extracting(r -> r.get("SDQ_REASON") + " " + r.get("HEALTH_CHECK") + " " + r.get("CONVICTED")).containsExactly("SDQ2 1 0");

        // Refusals name the field and the reason; nothing is stored.
        ResponseEntity<Map> bad = call("worker.north", HttpMethod.POST, base + "/looked-after/missing-episodes",
                Map.of("kind", "X", "startedOn", "2023-05-02"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("kind").contains("startedOn").contains("was not looked after on 2023-05-02");
        ResponseEntity<Map> withdrawn = call("worker.north", HttpMethod.PUT, base + "/assessment-factors", Map.of("factors", List.of("18A")));
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withdrawn.getBody().toString()).contains("18A is not accepted for the 2024-25 collection year (it was withdrawn after 2023-24): use 18B or 18C").doesNotContain("16A");
        assertThat(call("worker.north", HttpMethod.PUT, base + "/looked-after/previous-permanence",
                Map.of("prevPerm", "Z1", "laPerm", "330")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(call("worker.north", HttpMethod.PUT, base + "/looked-after/outcomes/2099", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        // Another team's practitioner may not change the child's record.
        assertThat(call("worker.south", HttpMethod.PUT, base + "/looked-after/previous-permanence", Map.of("prevPerm", "Z1"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
