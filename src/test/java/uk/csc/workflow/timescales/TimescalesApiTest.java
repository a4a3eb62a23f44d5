package uk.csc.workflow.timescales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.support.PostgresIntegrationTest;

/** The calculator over HTTP, as users and integrations call it. */
@PostgresIntegrationTest
class TimescalesApiTest {

    @Autowired
    TestRestTemplate rest;

    private TestRestTemplate worker() {
        return rest.withBasicAuth("worker.north", "demo");
    }

    @Test
    void theDomainExample() {
        ResponseEntity<Map> answer = worker().getForEntity("/api/timescales/INITIAL_ASSESSMENT?from=2026-12-22", Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("rule", "INITIAL_ASSESSMENT").containsEntry("from", "2026-12-22")
                .containsEntry("dueOn", "2027-01-05").containsEntry("profile", "WT2010");
    }

    @ParameterizedTest(name = "{0} from {1} ({2}) -> {3}")
    @CsvSource({
            "REFERRAL_DECISION,2026-12-24,WT2010,2026-12-29", "INITIAL_ASSESSMENT,2027-03-24,WT2010,2027-04-06",
            "CORE_ASSESSMENT,2026-12-01,WT2010,2027-01-22", "SINGLE_ASSESSMENT,2026-12-01,WT2023,2027-02-05",
            "ICPC,2026-12-15,WT2010,2027-01-08", "CP_REVIEW_FIRST,2027-11-30,WT2010,2028-02-29",
            "CP_REVIEW_NEXT,2026-03-31,WT2010,2026-09-30", "CARE_PLAN,2026-05-20,WT2010,2026-06-04",
            "PLACEMENT_NOTICE,2026-08-27,WT2010,2026-09-04", "LAC_REVIEW_FIRST,2026-12-10,WT2010,2027-01-12",
            "LAC_REVIEW_SECOND,2027-01-31,WT2010,2027-04-30", "LAC_REVIEW_NEXT,2027-08-31,WT2023,2028-02-29",
            "VISIT_FIRST,2026-12-24,WT2010,2026-12-31", "VISIT_NEXT,2026-11-26,WT2010,2027-01-07",
            "LAC_REVIEW_SIGN_OFF,2027-03-24,WT2010,2027-04-02", "VISIT_LONG_TERM,2027-08-31,WT2010,2027-11-30",
            "HEALTH_ASSESSMENT,2027-05-01,WT2010,2027-06-01", "POLICE_PROTECTION,2026-10-24T10:00,WT2010,2026-10-27",
            "EPO,2026-12-28,WT2010,2027-01-05", "CARE_PROCEEDINGS,2026-12-22,WT2010,2027-06-22"})
    void everyRuleAgreesWithTheDomainReference(String rule, String from, String profile, String dueOn) {
        ResponseEntity<Map> answer = worker().getForEntity(
                "/api/timescales/{rule}?from={from}&profile={profile}", Map.class, rule, from, profile);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("dueOn", dueOn).containsEntry("profile", profile);
    }

    @Test
    void hoursRulesAnswerTheExactInstant() {
        Map<?, ?> answer = worker().getForObject("/api/timescales/POLICE_PROTECTION?from=2026-10-24T10:00", Map.class);

        assertThat(answer.get("dueAt")).isEqualTo("2026-10-27T09:00Z");
    }

    @Test
    void listsEveryRuleWithItsUnitAndProfiles() {
        ResponseEntity<List<Map<String, Object>>> answer = worker().exchange("/api/timescales",
                org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<>() { });

        assertThat(answer.getBody()).hasSize(41);
        assertThat(answer.getBody()).anySatisfy(rule -> assertThat(rule)
                .containsEntry("rule", "SINGLE_ASSESSMENT").containsEntry("unit", "WORKING_DAYS")
                .containsEntry("amount", 45).containsEntry("profiles", List.of("WT2023")));
    }

    @Test
    void listsTheRulesOfOneProfile() {
        List<Map<String, Object>> rules = worker().getForObject("/api/timescales?profile=WT2023", List.class);

        assertThat(rules).extracting(r -> r.get("rule")).contains("SINGLE_ASSESSMENT").doesNotContain("INITIAL_ASSESSMENT");
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource({
            "/api/timescales/NOT_A_RULE?from=2026-12-22, rule",
            "/api/timescales/ICPC?from=2026-02-30, from",
            "/api/timescales/ICPC?from=22/12/2026, from",
            "/api/timescales/ICPC, from",
            "/api/timescales/ICPC?from=2026-12-22&profile=WT1999, profile",
            "/api/timescales/INITIAL_ASSESSMENT?from=2026-12-22&profile=WT2023, rule"})
    void badRequestsNameTheField(String path, String field) {
        ResponseEntity<Map> answer = worker().getForEntity(path, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) answer.getBody().get("problems"))
                .anySatisfy(p -> assertThat(p).containsEntry("field", field).containsKey("reason"));
    }
}
