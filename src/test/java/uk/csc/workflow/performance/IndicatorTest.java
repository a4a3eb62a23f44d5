package uk.csc.workflow.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * Every indicator on PostgreSQL for a hand-built cohort in the reporting year 1 April 2025 to
 * 31 March 2026. The right answers are worked out in the comments of {@link #buildTheCohort()}:
 * late, on-time, excluded and boundary cases for each.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTest {

    static final LocalDate FROM = LocalDate.parse("2025-04-01");
    static final LocalDate TO = LocalDate.parse("2026-03-31");
    static final CurrentUser SERVICE_MANAGER = new CurrentUser("service.manager", Set.of("service-manager"));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndicatorService indicators;
    @Autowired
    TestRestTemplate rest;

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @BeforeAll
    void buildTheCohort() {
        Cohort c = new Cohort(jdbc);
        // NI 59 (initial assessments authorised in the year): on the due date (met), a day late,
        // early (met); one authorised the day before the year and one the day after (both excluded).
        long a1 = c.newCase("team-north", "worker.north", d("2025-06-01"), false);
        c.assessment(a1, "INITIAL", d("2025-06-10"), d("2025-06-10"));
        long a2 = c.newCase("team-north", "worker.north", d("2025-06-01"), true);
        c.assessment(a2, "INITIAL", d("2025-06-10"), d("2025-06-11"));
        long a3 = c.newCase("team-south", "worker.south", d("2025-08-10"), false);
        c.assessment(a3, "INITIAL", d("2025-09-01"), d("2025-08-20"));
        long a4 = c.newCase("team-north", "worker.north", d("2025-03-20"), false);
        c.assessment(a4, "INITIAL", d("2025-03-31"), d("2025-03-31"));
        long a5 = c.newCase("team-south", "worker.south", d("2026-03-25"), false);
        c.assessment(a5, "INITIAL", d("2026-04-03"), d("2026-04-01"));
        // NI 60: one core assessment on time, one late.
        c.assessment(a1, "CORE", d("2025-08-01"), d("2025-07-30"));
        c.assessment(a3, "CORE", d("2025-10-20"), d("2025-10-21"));
        // NI 68 and re-referrals: referrals in the year are a1, a2, a3, a5 (all assessed) and r4 (not):
        // 4 of 5 assessed; a2 and r4 are re-referrals: 2 of 5.
        c.newCase("team-north", null, d("2025-10-01"), true);

        // Looked-after children. P1 (north): first review on time, second a week late -> not all on time.
        long lac1 = c.newCase("team-north", "worker.north", null, false);
        long p1 = c.period(lac1, d("2025-05-01"), null);
        c.episode(p1, lac1, d("2025-05-01"), null, "S", "U4");
        c.review(p1, lac1, 1, "LAC_REVIEW_FIRST", d("2025-05-30"), d("2025-05-29"), "PN1");
        c.review(p1, lac1, 2, "LAC_REVIEW_SECOND", d("2025-08-29"), d("2025-09-05"), "PN7");
        // P2 (south): both reviews on time (first on its due date); PN0 (under 4) is excluded from
        // participation; three placements in the year (S, P, T) for NI 62; now in U2 (fostered).
        long lac2 = c.caseFor(c.child(d("2022-01-01")), "team-south", "worker.south", null, false);
        long p2 = c.period(lac2, d("2025-06-01"), null);
        c.episode(p2, lac2, d("2025-06-01"), d("2025-10-01"), "S", "K2");
        c.episode(p2, lac2, d("2025-10-01"), d("2026-01-10"), "P", "U1");
        c.episode(p2, lac2, d("2026-01-10"), null, "T", "U2");
        c.review(p2, lac2, 1, "LAC_REVIEW_FIRST", d("2025-06-27"), d("2025-06-27"), "PN0");
        c.review(p2, lac2, 2, "LAC_REVIEW_SECOND", d("2025-09-27"), d("2025-09-20"), "PN5");
        // P3 (north): became looked after on 20 March 2026, first review due 17 April: not yet
        // looked after 20 working days in the year (excluded from NI 66); in residential care (R1).
        long lac3 = c.newCase("team-north", "worker.north", null, false);
        long p3 = c.period(lac3, d("2026-03-20"), null);
        c.episode(p3, lac3, d("2026-03-20"), null, "S", "R1");
        c.review(p3, lac3, 1, "LAC_REVIEW_FIRST", d("2026-04-17"), null, null);
        // P4 (south): care ended before the year: excluded everywhere.
        long lac4 = c.newCase("team-south", "worker.south", null, false);
        long p4 = c.period(lac4, d("2024-01-01"), d("2025-03-01"));
        c.episode(p4, lac4, d("2024-01-01"), d("2025-03-01"), "S", "U4");
        c.review(p4, lac4, 1, "LAC_REVIEW_FIRST", d("2024-01-29"), d("2024-01-29"), "PN1");
        // Absence (looked after 12 months at 31 March 2026): P5 north absent 20 + 10 = 30 days (> 25);
        // P6 south absent exactly 25 (not more than 25). P5 is in U5; P6 is placed with parents (P1)
        // after a legal-status change (L, which is not a placement move).
        long lac5 = c.newCase("team-north", "worker.north", null, false);
        long p5 = c.period(lac5, d("2024-06-01"), null);
        c.episode(p5, lac5, d("2024-06-01"), null, "S", "U5");
        c.absence(lac5, d("2025-07-18"), 20);
        c.absence(lac5, d("2025-12-19"), 10);
        long lac6 = c.newCase("team-south", "worker.south", null, false);
        long p6 = c.period(lac6, d("2025-01-15"), null);
        c.episode(p6, lac6, d("2025-01-15"), d("2025-08-01"), "S", "U4");
        c.episode(p6, lac6, d("2025-08-01"), null, "L", "P1");
        c.absence(lac6, d("2025-07-18"), 25);

        // NI 67: CP reviews due in the year: one on time, one late; one due after the year (excluded).
        long cp = c.newCase("team-north", "worker.north", null, false);
        c.cpReview(cp, d("2025-07-01"), d("2025-06-30"));
        c.cpReview(cp, d("2026-01-05"), d("2026-01-09"));
        c.cpReview(cp, d("2026-07-05"), d("2026-07-01"));
        // NI 65: two CP plans in the year; the first child had a plan before (2023), the second not.
        long twiceChild = c.child(d("2016-02-02"));
        c.cpPlan(c.caseFor(twiceChild, "team-north", "worker.north", null, false), d("2023-02-01"));
        c.cpPlan(c.caseFor(twiceChild, "team-north", "worker.north", null, false), d("2025-07-01"));
        c.cpPlan(c.newCase("team-south", "worker.south", null, false), d("2025-11-11"));
        // NI 147: 19th birthdays in the year: U1 (suitable) and B2 (unsuitable); one after the year.
        c.careLeaver(c.newCase("team-north", null, null, false), d("2025-05-05"), "U1");
        c.careLeaver(c.newCase("team-south", null, null, false), d("2026-03-31"), "B2");
        c.careLeaver(c.newCase("team-south", null, null, false), d("2026-05-01"), "U1");
    }

    private Map<String, IndicatorRow> city() {
        return indicators.indicators(FROM, TO, Level.CITY, SERVICE_MANAGER).stream()
                .collect(Collectors.toMap(IndicatorRow::code, r -> r));
    }

    @ParameterizedTest(name = "{0}: {1}/{2} = {3}% {4}")
    @CsvSource({
            "NI59, 2, 3, 66.7, AMBER",   // target 69: 2.3 points short, within the 5-point amber band
            "NI60, 1, 2, 50.0, RED",
            "SA45, 0, 0, , NO_DATA",
            "NI66, 1, 2, 50.0, RED",     // P1 (a late review) and P2 (all on time); P3, P4 excluded
            "C63, 2, 3, 66.7, RED",      // PN1, PN7, PN5; PN0 excluded
            "NI67, 1, 2, 50.0, RED",
            "NI68, 4, 5, 80.0, GREEN",   // target 65
            "NI147, 1, 2, 50.0, RED",
            "ABSENCE, 1, 2, 50.0, RED",  // lower is better: target 12.3
            "FOSTERED, 3, 5, 60.0, RED", // open on 31 March: U4, U2, R1, U5, P1
            "REREFERRAL, 2, 5, 40.0, RED",
            "NI65, 1, 2, 50.0, RED",
            "NI62, 1, 5, 20.0, RED"})    // only P2 had three placements in the year
    void cityFigures(String code, long numerator, long denominator, Double percent, RagStatus status) {
        IndicatorRow row = city().get(code);

        assertThat(row.numerator()).as(code + " numerator").isEqualTo(numerator);
        assertThat(row.denominator()).as(code + " denominator").isEqualTo(denominator);
        assertThat(row.percent()).as(code + " percent").isEqualTo(percent);
        assertThat(row.status()).as(code + " status").isEqualTo(status);
    }

    @Test
    void teamAndWorkerLevels() {
        var teams = indicators.indicators(FROM, TO, Level.TEAM, SERVICE_MANAGER).stream()
                .filter(r -> r.code().equals("NI59")).collect(Collectors.toMap(IndicatorRow::group, r -> r));
        assertThat(teams.get("team-north")).extracting(IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::status)
                .containsExactly(1L, 2L, RagStatus.RED);
        assertThat(teams.get("team-south")).extracting(IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::status)
                .containsExactly(1L, 1L, RagStatus.GREEN);

        var workers = indicators.indicators(FROM, TO, Level.WORKER, SERVICE_MANAGER).stream()
                .filter(r -> r.code().equals("NI68")).collect(Collectors.toMap(IndicatorRow::group, r -> r));
        // worker.north: a1, a2 (both assessed); worker.south: a3, a5; unallocated: r4 (not assessed).
        assertThat(workers.get("worker.north").percent()).isEqualTo(100.0);
        assertThat(workers.get("worker.south").percent()).isEqualTo(100.0);
        assertThat(workers.get("unallocated")).extracting(IndicatorRow::numerator, IndicatorRow::denominator).containsExactly(0L, 1L);
    }

    @Test
    void eachRoleSeesItsOwnLevel() {
        var manager = new CurrentUser("manager.north", Set.of("team-manager", "team-north"));
        assertThat(indicators.indicators(FROM, TO, Level.TEAM, manager)).extracting(IndicatorRow::group).containsOnly("team-north");
        assertThat(indicators.indicators(FROM, TO, Level.WORKER, manager).stream().filter(r -> r.code().equals("NI59")))
                .extracting(IndicatorRow::group).containsExactly("worker.north");

        var worker = new CurrentUser("worker.south", Set.of("practitioner", "team-south"));
        assertThat(indicators.indicators(FROM, TO, Level.WORKER, worker)).extracting(IndicatorRow::group).containsOnly("worker.south");

        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/performance/indicators?level=city", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("manager.north", "demo").getForEntity("/api/performance/indicators?level=city", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCsvMatchesTheJson() {
        String query = "/api/performance/indicators?from=2025-04-01&to=2026-03-31&level=team";
        Map<String, Object> json = rest.withBasicAuth("service.manager", "demo").getForObject(query, Map.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = rest.withBasicAuth("service.manager", "demo").exchange(query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        assertThat(lines).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> cells = Arrays.asList(lines.get(i + 1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
            assertThat(cells.get(3)).isEqualTo("\"" + row.get("group") + "\"");
            assertThat(cells.get(4)).isEqualTo(row.get("code"));
            assertThat(Long.parseLong(cells.get(6))).isEqualTo(((Number) row.get("numerator")).longValue());
            assertThat(Long.parseLong(cells.get(7))).isEqualTo(((Number) row.get("denominator")).longValue());
            assertThat(cells.get(8)).isEqualTo(row.get("percent") == null ? "" : String.valueOf(((Number) row.get("percent")).doubleValue()));
            assertThat(cells.get(10)).isEqualTo(row.get("status"));
        }
    }

    @Test
    void theCasesBehindAFigure() {
        List<Map<String, Object>> late = rest.withBasicAuth("service.manager", "demo").exchange(
                "/api/performance/indicators/NI59/cases?from=2025-04-01&to=2026-03-31&level=team&group=team-north",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();

        assertThat(late).extracting(r -> r.get("eventOn") + " " + r.get("inNumerator"))
                .containsExactly("2025-06-10 true", "2025-06-11 false");
        assertThat(rest.withBasicAuth("service.manager", "demo").getForEntity(
                "/api/performance/indicators/NOPE/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
