package uk.csc.workflow.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/** Caseload, trend and the records the indicators need, over HTTP with roles and validation. */
@PostgresIntegrationTest
class PerformanceApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    JdbcTemplate jdbc;

    private ContactRegistered allocatedNorthCase() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true,
                TestTime.now().minusHours(1).toString()));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "ACCEPT_REFERRAL"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        return c;
    }

    @Test
    void theCaseloadShowsEachWorkersOpenCasesAndNearestDeadline() {
        ContactRegistered c = allocatedNorthCase();
        LocalDate due = jdbc.queryForObject("SELECT due_on FROM statutory_deadline WHERE case_id = ? AND rule = 'INITIAL_ASSESSMENT'",
                LocalDate.class, c.caseId());

        List<Map<String, Object>> load = rest.withBasicAuth("manager.north", "demo").exchange("/api/caseload?team=team-north",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();

        Map<String, Object> worker = load.stream().filter(w -> "worker.north".equals(w.get("worker"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) worker.get("cases")).anySatisfy(line -> assertThat(line)
                .containsEntry("caseRef", c.caseRef()).containsEntry("nextRule", "INITIAL_ASSESSMENT")
                .containsEntry("nextDueOn", due.toString()));
        assertThat(rest.withBasicAuth("worker.north", "demo").getForEntity("/api/caseload?team=team-north", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("manager.south", "demo").getForEntity("/api/caseload?team=team-north", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theTrendHasAFigurePerMonthForEveryIndicator() {
        Map<String, Object> trend = rest.withBasicAuth("service.manager", "demo").getForObject("/api/performance/trend?months=6", Map.class);

        assertThat((List<String>) trend.get("months")).hasSize(6);
        assertThat((List<Map<String, Object>>) trend.get("series")).hasSize(Indicator.values().length)
                .allSatisfy(s -> assertThat((List<?>) s.get("percent")).hasSize(6));
        assertThat(rest.withBasicAuth("service.manager", "demo").getForEntity("/api/performance/trend?months=99", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void badPeriodsAndLevelsAreRefused() {
        for (String query : List.of("from=2026-13-01", "from=2026-05-01&to=2026-04-01", "level=county")) {
            assertThat(rest.withBasicAuth("service.manager", "demo").getForEntity("/api/performance/indicators?" + query, String.class)
                    .getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void schoolAbsenceAndCareLeaverRecordsAreValidated() {
        ContactRegistered c = allocatedNorthCase();
        String base = "/api/cases/" + c.caseRef();
        String termEnded = TestTime.today().minusMonths(4).toString();

        ResponseEntity<Map> absence = rest.withBasicAuth("worker.north", "demo").postForEntity(base + "/school-absences",
                Map.of("termEndsOn", termEnded, "daysAbsent", 12), Map.class);
        ResponseEntity<Map> badAbsence = rest.withBasicAuth("worker.north", "demo").postForEntity(base + "/school-absences",
                Map.of("termEndsOn", termEnded, "daysAbsent", -3), Map.class);
        ResponseEntity<Map> leaver = rest.withBasicAuth("worker.north", "demo").postForEntity(base + "/care-leaver",
                Map.of("accommodation", "U1"), Map.class);
        ResponseEntity<Map> badLeaver = rest.withBasicAuth("worker.north", "demo").postForEntity(base + "/care-leaver",
                Map.of("accommodation", "Q9"), Map.class);
        ResponseEntity<Map> otherTeam = rest.withBasicAuth("worker.south", "demo").postForEntity(base + "/school-absences",
                Map.of("termEndsOn", termEnded, "daysAbsent", 1), Map.class);
        ResponseEntity<Map> noPlan = rest.withBasicAuth("worker.north", "demo").postForEntity(base + "/cp-reviews",
                Map.of("heldOn", termEnded), Map.class);

        assertThat(absence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(badAbsence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(leaver.getBody()).containsEntry("nineteenthBirthday", TestTime.bornYearsAgo(7).plusYears(19).toString()).containsEntry("suitable", true);
        assertThat(badLeaver.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noPlan.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("SELECT days_absent FROM school_absence WHERE case_id = ?", Integer.class, c.caseId())).isEqualTo(12);
    }

    @Test
    void aCpReviewIsDueThreeMonthsAfterTheConferenceThenSixMonthsAfterTheLastReview() {
        ContactRegistered c = allocatedNorthCase();
        jdbc.update("""
                INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision,
                    conference_held_on, conference_outcome, category_of_abuse, recorded_by)
                VALUES (?, DATE '2026-05-10', 'Police', 'START_S47', DATE '2026-05-31', 'CP_PLAN', 'NEG', 'test')""", c.caseId());
        String base = "/api/cases/" + c.caseRef() + "/cp-reviews";

        // 31 May + 3 months = 31 August; held a day late. (A period outside IndicatorTest's year.)
        Map<String, Object> first = rest.withBasicAuth("manager.north", "demo").postForObject(base, Map.of("heldOn", "2026-09-01"), Map.class);
        // Then 6 months from when it was held: 1 March 2027.
        Map<String, Object> second = rest.withBasicAuth("manager.north", "demo").postForObject(base, Map.of("heldOn", "2026-11-20"), Map.class);

        assertThat(first).containsEntry("rule", "CP_REVIEW_FIRST").containsEntry("dueOn", "2026-08-31").containsEntry("onTime", false);
        assertThat(second).containsEntry("rule", "CP_REVIEW_NEXT").containsEntry("dueOn", "2027-03-01").containsEntry("onTime", true);
    }
}
