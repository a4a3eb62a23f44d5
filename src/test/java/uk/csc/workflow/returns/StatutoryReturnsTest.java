package uk.csc.workflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.returns.ReturnValidation.Problem;
import uk.csc.workflow.returns.ReturnValidation.Severity;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * The returns of a hand-built cohort in the collection year 2025-26 (1 April 2025 to 31 March 2026),
 * every table and element checked against values worked out here: a child with several episodes, a
 * period of care across 1 April 2025 and one across 31 March 2026, a child with two child
 * protection plans, a PN0 child, a UASC child, a care leaver, a child in need plan; and a
 * deliberately broken record reported with its rules. The database is shared with other tests, so
 * each check looks at the cohort's children only.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatutoryReturnsTest {

    static final CollectionYear YEAR = new CollectionYear(2025);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatutoryReturns returns;
    @Autowired
    ReturnFactsRepository repository;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    uk.csc.workflow.platform.time.TimeSource time;

    ReturnsCohort c;
    long several;
    long boundary;
    long acrossTheEnd;
    long pn0;
    long uasc;
    long careLeaver;
    long twoPlans;
    long inNeed;
    long broken;
    long severalCase;
    long twoPlansCase;

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @BeforeAll
    void buildTheCohort() {
        c = new ReturnsCohort(jdbc);
        // Several episodes: placed 1 May 2025 (U4), moved to a children's home 1 August (P), then to
        // another foster carer 15 November (T), still there on 31 March: its last episode has no DEC.
        several = c.child(d("2012-05-10"), "F", "WBRI", "A123456789012");
        severalCase = c.caseOf(several, "team-north", "worker.b", d("2025-04-02"), d("2025-04-02"), "2A");
        c.assessment(severalCase, "SINGLE", d("2025-04-10"), d("2025-04-30"), "N1");
        c.allocate(severalCase, "team-north", "worker.a", d("2025-04-05"));
        c.allocate(severalCase, "team-north", "worker.b", d("2025-09-01"));
        long p = c.period(severalCase, d("2025-05-01"), null, null);
        c.episode(p, severalCase, d("2025-05-01"), "S", "C2", "U4", "PR1", d("2025-08-01"), "X1");
        c.episode(p, severalCase, d("2025-08-01"), "P", "C2", "K2", "PR4", d("2025-11-15"), "X1");
        c.episode(p, severalCase, d("2025-11-15"), "T", "C2", "U6", "PR4", null, null);
        c.review(p, severalCase, 1, d("2025-05-20"), "PN1");
        c.review(p, severalCase, 2, d("2025-08-15"), "PN1");
        c.review(p, severalCase, 3, d("2026-02-10"), "PN4");

        // A period of care across 1 April 2025: began 1 November 2024, ended 30 June 2025 (E4A).
        boundary = c.child(d("2010-01-15"), "M", "BCRB", null);
        long bc = c.caseOf(boundary, "team-south", "worker.south", d("2024-10-01"), d("2024-10-01"), "6");
        c.assessment(bc, "SINGLE", d("2024-10-15"), d("2024-10-30"), "N2");
        long bp = c.period(bc, d("2024-11-01"), d("2025-06-30"), "E4A");
        c.episode(bp, bc, d("2024-11-01"), "S", "V2", "U4", "PR1", d("2025-06-30"), "E4A");
        c.review(bp, bc, 1, d("2024-11-25"), "PN1");
        c.review(bp, bc, 2, d("2025-02-20"), "PN1");
        c.review(bp, bc, 3, d("2025-06-01"), "PN2");
        jdbc.update("INSERT INTO previous_permanence (case_id, prev_perm, recorded_by, recorded_at) VALUES (?, 'Z1', 'test', CURRENT_TIMESTAMP)", bc);

        // A period of care across 31 March 2026: began 10 January 2026, ended 1 June 2026 (after the year).
        acrossTheEnd = c.child(d("2011-03-03"), "M", "AIND", null);
        long ac = c.caseOf(acrossTheEnd, "team-north", "worker.north", d("2025-12-01"), d("2025-12-01"), "3A");
        c.assessment(ac, "SINGLE", d("2025-12-03"), d("2026-01-05"), "N4");
        long ap = c.period(ac, d("2026-01-10"), d("2026-06-01"), "E4A");
        c.episode(ap, ac, d("2026-01-10"), "S", "C1", "U4", "PR1", d("2026-06-01"), "E4A");
        c.review(ap, ac, 1, d("2026-02-05"), "PN1");
        jdbc.update("INSERT INTO previous_permanence (case_id, prev_perm, la_perm, date_perm, recorded_by, recorded_at) "
                + "VALUES (?, 'P2', '330', DATE '2019-06-01', 'test', CURRENT_TIMESTAMP)", ac);

        // PN0: under 4 at her review.
        pn0 = c.child(d("2023-06-01"), "F", "MWBA", null);
        jdbc.update("UPDATE child SET upn_unknown = 'UN1' WHERE id = ?", pn0);
        long pc = c.caseOf(pn0, "team-south", "worker.south", d("2025-06-15"), d("2025-06-15"), "3B");
        c.assessment(pc, "SINGLE", d("2025-06-20"), d("2025-06-28"), "N1");
        long pp = c.period(pc, d("2025-07-01"), null, null);
        c.episode(pp, pc, d("2025-07-01"), "S", "C1", "U1", "PR0", null, null);
        c.review(pp, pc, 1, d("2025-07-25"), "PN0");
        jdbc.update("INSERT INTO previous_permanence (case_id, prev_perm, recorded_by, recorded_at) VALUES (?, 'Z1', 'test', CURRENT_TIMESTAMP)", pc);

        // UASC, looked after since March 2024: continuously for 12 months at 31 March 2026 (OC2), missing for three days.
        uasc = c.child(d("2009-03-01"), "M", "OOTH", null);
        jdbc.update("UPDATE child SET uasc = TRUE, uasc_ceased_on = DATE '2027-03-01' WHERE id = ?", uasc);
        long uc = c.caseOf(uasc, "team-north", "worker.north", d("2024-03-01"), d("2024-03-01"), "7");
        c.assessment(uc, "SINGLE", d("2024-03-02"), d("2024-03-08"), "N8", "9A");
        long up = c.period(uc, d("2024-03-10"), null, null);
        c.episode(up, uc, d("2024-03-10"), "S", "V2", "U6", "PR4", null, null);
        c.review(up, uc, 1, d("2024-04-02"), "PN1");
        c.review(up, uc, 2, d("2024-07-01"), "PN1");
        c.review(up, uc, 3, d("2024-12-20"), "PN1");
        c.review(up, uc, 4, d("2025-06-10"), "PN1");
        c.review(up, uc, 5, d("2025-12-01"), "PN6");
        jdbc.update("INSERT INTO missing_episode (case_id, kind, started_on, ended_on, recorded_by, recorded_at) "
                + "VALUES (?, 'M', DATE '2025-09-01', DATE '2025-09-03', 'test', CURRENT_TIMESTAMP)", uc);
        jdbc.update("INSERT INTO looked_after_outcome (case_id, year_start, sdq_score, convicted, health_check, immunisations, teeth_check, "
                + "health_assessment, substance_misuse, recorded_by, recorded_at) VALUES (?, 2025, 12, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, "
                + "'test', CURRENT_TIMESTAMP)", uc);

        // A care leaver: 19 on 1 October 2025, left care in 2024.
        careLeaver = c.child(d("2006-10-01"), "F", "WBRI", null);
        long lc = c.caseOf(careLeaver, "team-south", "worker.south", d("2020-01-01"), d("2020-01-01"), "5A");
        long lp = c.period(lc, d("2020-02-01"), d("2024-10-01"), "E8");
        c.episode(lp, lc, d("2020-02-01"), "S", "C2", "U4", "PR1", d("2024-10-01"), "E8");
        jdbc.update("INSERT INTO care_leaver (case_id, nineteenth_birthday, accommodation, in_touch, activity, recorded_by, recorded_at) "
                + "VALUES (?, DATE '2025-10-01', 'U1', 'YES', 'F1', 'test', CURRENT_TIMESTAMP)", lc);

        // Two child protection plans: the first (neglect, then emotional abuse) ended 30 September 2025, a second (physical) from 20 November.
        twoPlans = c.child(d("2018-02-02"), "F", "WBRI", null);
        jdbc.update("INSERT INTO child_disability (child_id, code) VALUES (?, 'AUT'), (?, 'COMM')", twoPlans, twoPlans);
        twoPlansCase = c.caseOf(twoPlans, "team-north", "worker.north", d("2025-04-03"), d("2025-04-03"), "2A");
        c.assessment(twoPlansCase, "SINGLE", d("2025-04-04"), d("2025-04-20"), "N1", "3A", "4B");
        c.enquiry(twoPlansCase, d("2025-04-10"), d("2025-04-20"), d("2025-04-28"), "CP_PLAN");
        long plan1 = c.plan("CP", twoPlansCase, "INITIAL_CONFERENCE", d("2025-04-28"), d("2025-09-30"), "EMO", 1, null);
        c.categoryChange(plan1, d("2025-07-28"), "NEG", "EMO");
        c.planReview(plan1, twoPlansCase, 1, d("2025-07-28"));
        c.enquiry(twoPlansCase, d("2025-11-01"), d("2025-11-10"), d("2025-11-20"), "CP_PLAN");
        c.plan("CP", twoPlansCase, "INITIAL_CONFERENCE", d("2025-11-20"), null, "PHY", 2, null);
        c.legalStep(twoPlansCase, "LETTER_BEFORE_PROCEEDINGS", d("2026-05-01"), null);
        c.legalStep(twoPlansCase, "PRE_PROCEEDINGS_MEETING", d("2026-05-10"), null);
        c.legalStep(twoPlansCase, "PRE_PROCEEDINGS_MEETING", d("2026-07-10"), "STEP_DOWN");
        c.familyGroupMeeting(twoPlansCase, d("2026-05-01"), d("2026-05-08"));

        // A child in need plan that closed with RC7.
        inNeed = c.child(d("2015-09-09"), "M", "WBRI", null);
        long ic = c.caseOf(inNeed, "team-south", null, d("2025-05-01"), d("2025-05-01"), "1A");
        c.assessment(ic, "SINGLE", d("2025-05-02"), d("2025-05-20"), "N4");
        c.plan("CIN", ic, "REFERRAL_ROUTE", d("2025-05-21"), d("2025-10-01"), null, null, "RC7");
        c.close(ic, d("2025-10-01"), "CHILD_IN_NEED_PLAN_CLOSED");

        // Broken on purpose: overlapping episodes, a review after the child ceased to be looked after, a CP plan with no s47.
        broken = c.child(d("2013-01-01"), "M", "WBRI", null);
        long xc = c.caseOf(broken, "team-north", "worker.north", d("2025-04-20"), d("2025-04-20"), "8");
        c.assessment(xc, "SINGLE", d("2025-04-21"), d("2025-04-29"), "N1");
        long xp = c.period(xc, d("2025-05-01"), d("2025-09-01"), "E4A");
        c.episode(xp, xc, d("2025-05-01"), "S", "V2", "U4", "PR1", d("2025-07-01"), "X1");
        c.episode(xp, xc, d("2025-06-15"), "P", "V2", "U6", "PR4", d("2025-09-01"), "E4A");
        c.review(xp, xc, 1, d("2025-05-20"), "PN1");
        c.review(xp, xc, 2, d("2025-10-01"), "PN1");
        c.plan("CP", xc, "INITIAL_CONFERENCE", d("2025-06-01"), null, "NEG", 1, null);
        jdbc.update("INSERT INTO previous_permanence (case_id, prev_perm, recorded_by, recorded_at) VALUES (?, 'Z1', 'test', CURRENT_TIMESTAMP)", xc);
    }

    private Set<String> cohortIds() {
        return c.children.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private List<Map<String, String>> rows(Map<String, Table> tables, String table, long child) {
        return tables.get(table).records().stream().filter(r -> r.get("CHILD").equals(Long.toString(child))).toList();
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void ssda903TablesHoldTheCohortAsWorkedOut() {
        Map<String, Table> t = returns.ssda903(YEAR).tables();
        assertThat(t.keySet()).containsExactly("Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1", "PlacedAdoption",
                "PrevPerm", "Missing", "SW_Episodes");
        assertThat(t.get("Episodes").columns()).containsExactly("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");
        String s = Long.toString(several);
        assertThat(rows(t, "Header", several)).containsExactly(row("CHILD", s, "SEX", "2", "DOB", "10/05/2012", "ETHNIC", "WBRI",
                "UPN", "A123456789012", "MOTHER", "", "MC_DOB", ""));
        assertThat(rows(t, "Episodes", several)).extracting(r -> String.join("|", r.values())).containsExactly(
                s + "|01/05/2025|S|C2|N1|U4|PR1|01/08/2025|X1||||",
                s + "|01/08/2025|P|C2|N1|K2|PR4|15/11/2025|X1||||",
                s + "|15/11/2025|T|C2|N1|U6|PR4||||||");
        assertThat(rows(t, "Reviews", several)).extracting(r -> r.get("REVIEW") + " " + r.get("REVIEW_CODE"))
                .containsExactly("20/05/2025 PN1", "15/08/2025 PN1", "10/02/2026 PN4");
        assertThat(rows(t, "SW_Episodes", several)).extracting(r -> String.join("|", r.values())).containsExactly(
                s + "|10/05/2012|worker.a|05/04/2025|01/09/2025|", s + "|10/05/2012|worker.b|01/09/2025||");
        // Started care in the year with no previous permanence recorded: a row with it blank (and a query).
        assertThat(rows(t, "PrevPerm", several)).extracting(r -> r.get("PREV_PERM")).containsExactly("");
        assertThat(rows(t, "OC2", several)).isEmpty();

        // Across 1 April 2025: the episode from 2024 is in, with its end; only the review held in the year.
        assertThat(rows(t, "Episodes", boundary)).extracting(r -> r.get("DECOM") + " " + r.get("DEC") + " " + r.get("REC") + " " + r.get("CIN"))
                .containsExactly("01/11/2024 30/06/2025 E4A N2");
        assertThat(rows(t, "Reviews", boundary)).extracting(r -> r.get("REVIEW")).containsExactly("01/06/2025");
        assertThat(rows(t, "Header", boundary)).extracting(r -> r.get("SEX")).containsExactly("1");
        assertThat(rows(t, "PrevPerm", boundary)).as("started care before the year").isEmpty();
        assertThat(rows(t, "OC2", boundary)).as("not looked after on 31 March").isEmpty();

        // Across 31 March 2026: ended on 1 June 2026, after the year, so no DEC or REC yet.
        assertThat(rows(t, "Episodes", acrossTheEnd)).extracting(r -> r.get("DECOM") + "|" + r.get("DEC") + "|" + r.get("REC"))
                .containsExactly("10/01/2026||");
        assertThat(rows(t, "PrevPerm", acrossTheEnd)).containsExactly(row("CHILD", Long.toString(acrossTheEnd), "DOB", "03/03/2011",
                "PREV_PERM", "P2", "LA_PERM", "330", "DATE_PERM", "01/06/2019"));

        assertThat(rows(t, "Reviews", pn0)).extracting(r -> r.get("REVIEW_CODE")).containsExactly("PN0");
        assertThat(rows(t, "Header", pn0)).extracting(r -> r.get("UPN")).containsExactly("UN1");
        assertThat(rows(t, "Episodes", pn0)).extracting(r -> r.get("PLACE") + " " + r.get("PLACE_PROVIDER")).containsExactly("U1 PR0");

        String u = Long.toString(uasc);
        assertThat(rows(t, "UASC", uasc)).containsExactly(row("CHILD", u, "SEX", "1", "DOB", "01/03/2009", "DUC", "01/03/2027"));
        assertThat(rows(t, "OC2", uasc)).containsExactly(row("CHILD", u, "DOB", "01/03/2009", "SDQ_SCORE", "12", "SDQ_REASON", "",
                "CONVICTED", "0", "HEALTH_CHECK", "1", "IMMUNISATIONS", "1", "TEETH_CHECK", "1", "HEALTH_ASSESSMENT", "1",
                "SUBSTANCE_MISUSE", "0", "INTERVENTION_RECEIVED", "", "INTERVENTION_OFFERED", ""));
        assertThat(rows(t, "Missing", uasc)).containsExactly(row("CHILD", u, "DOB", "01/03/2009", "MISSING", "M",
                "MIS_START", "01/09/2025", "MIS_END", "03/09/2025"));
        assertThat(rows(t, "Reviews", uasc)).extracting(r -> r.get("REVIEW")).containsExactly("10/06/2025", "01/12/2025");
        assertThat(rows(t, "UASC", several)).isEmpty();

        // The care leaver: OC3 and a header row, no episode in the year.
        String l = Long.toString(careLeaver);
        assertThat(rows(t, "OC3", careLeaver)).containsExactly(row("CHILD", l, "DOB", "01/10/2006", "IN_TOUCH", "YES", "ACTIV", "F1",
                "ACCOM", "U1"));
        assertThat(rows(t, "Header", careLeaver)).hasSize(1);
        assertThat(rows(t, "Episodes", careLeaver)).isEmpty();

        // Not looked after in the year: not in the return.
        assertThat(rows(t, "Header", twoPlans)).isEmpty();
        assertThat(rows(t, "Header", inNeed)).isEmpty();
    }

    @Test
    void theZipHoldsOneCsvPerTableWithTheDfeHeaders() throws Exception {
        byte[] zip = returns.ssda903(YEAR).zip();
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                // Dated by the time source, not the machine's clock: the same return made twice is the same file.
                assertThat(entry.getLastModifiedTime().toInstant()).isEqualTo(time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        }
        assertThat(returns.ssda903(YEAR).zip()).isEqualTo(zip);
        assertThat(files.keySet()).containsExactly("header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv",
                "ad1.csv", "placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "social_worker_episodes.csv");
        assertThat(files.get("header.csv")).startsWith("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        assertThat(files.get("episodes.csv")).contains(several + ",15/11/2025,T,C2,N1,U6,PR4,,,,,,\r\n");
        assertThat(files.get("missing.csv")).startsWith("CHILD,DOB,MISSING,MIS_START,MIS_END\r\n");
    }

    @Test
    void theCohortIsCleanButTheBrokenRecordIsReportedWithItsRules() {
        List<Problem> problems = returns.ssda903(YEAR).problems().stream().filter(p -> cohortIds().contains(p.child())).toList();
        List<Problem> errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
        assertThat(errors).extracting(p -> p.child() + " " + p.rule() + " " + p.field()).containsExactlyInAnyOrder(
                broken + " 501 DECOM", broken + " CSC-903-REVIEW REVIEW");
        assertThat(errors).filteredOn(p -> p.rule().equals("501")).extracting(Problem::message).containsExactly(
                "The episode starting 2025-06-15 starts before the previous episode ended (2025-07-01): episodes overlap.");
        // Queries do not block the return: a child starting care with no previous permanence recorded, a late review.
        assertThat(problems).filteredOn(p -> p.severity() == Severity.QUERY).extracting(p -> p.child() + " " + p.rule() + " " + p.message())
                .containsExactlyInAnyOrder(several + " CSC-903-PREVPERM The child started to be looked after in the year and no previous "
                        + "permanence is recorded (Z1 if there was none or it is not known).",
                        broken + " CSC-903-INTERVAL The review on 2025-10-01 was due by 2025-08-20.");

        List<Problem> census = returns.cinCensus(YEAR).problems().stream().filter(p -> cohortIds().contains(p.child())).toList();
        assertThat(census).extracting(p -> p.child() + " " + p.rule() + " " + p.field())
                .containsExactly(broken + " CSC-CIN-CPP-S47 CPPstartDate");
    }

    @Test
    void aChildInCareOnTheSignificantHarmRouteWithNoAssessmentIsN1AndOtherwiseTheCinCodeIsMissing() {
        ReturnsCohort c = new ReturnsCohort(jdbc);
        long harm = c.child(d("2014-01-01"), "F", "WBRI", null);
        long hc = c.caseOf(harm, "team-north", "worker.north", d("2025-06-01"), d("2025-06-01"), "6");
        jdbc.update("UPDATE contact SET decision = 'STRATEGY_DISCUSSION' WHERE case_id = ?", hc);
        long hp = c.period(hc, d("2025-06-02"), null, null);
        c.episode(hp, hc, d("2025-06-02"), "S", "V2", "U4", "PR1", null, null);
        long none = c.child(d("2014-01-01"), "M", "WBRI", null);
        long nc = c.caseOf(none, "team-north", "worker.north", d("2025-06-01"), d("2025-06-01"), "6");
        long np = c.period(nc, d("2025-06-02"), null, null);
        c.episode(np, nc, d("2025-06-02"), "S", "V2", "U4", "PR1", null, null);
        var result = returns.ssda903(YEAR);
        assertThat(rows(result.tables(), "Episodes", harm)).extracting(r -> r.get("CIN")).containsExactly("N1");
        assertThat(rows(result.tables(), "Episodes", none)).extracting(r -> r.get("CIN")).containsExactly("");
        assertThat(result.problems()).filteredOn(p -> p.child().equals(Long.toString(none)) && p.severity() == Severity.ERROR)
                .extracting(Problem::rule).containsExactly("CSC-903-CIN");
        assertThat(result.problems()).filteredOn(p -> p.child().equals(Long.toString(harm)) && p.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void overlappingPlansAnEpisodeWithNoReasonAndAWithdrawnFactorAreReported() {
        ReturnsCohort c = new ReturnsCohort(jdbc);
        long child = c.child(d("2016-03-03"), "M", "WBRI", null);
        long first = c.caseOf(child, "team-north", "worker.north", d("2025-05-01"), d("2025-05-01"), "6");
        c.assessment(first, "SINGLE", d("2025-05-02"), d("2025-05-10"), "N1", "18B");
        c.enquiry(first, d("2025-05-03"), d("2025-05-10"), d("2025-05-20"), "CP_PLAN");
        c.plan("CP", first, "INITIAL_CONFERENCE", d("2025-05-20"), null, "NEG", 1, null);
        long second = c.caseOf(child, "team-north", "worker.north", d("2025-08-01"), d("2025-08-01"), "2A");
        c.assessment(second, "SINGLE", d("2025-08-02"), d("2025-08-09"), "N1", "19A");
        c.enquiry(second, d("2025-08-03"), d("2025-08-10"), d("2025-08-20"), "CP_PLAN");
        c.plan("CP", second, "INITIAL_CONFERENCE", d("2025-08-20"), null, "PHY", 2, null);
        long p = c.period(first, d("2025-09-01"), d("2025-12-01"), null);
        c.episode(p, first, d("2025-09-01"), "S", "V2", "U4", "PR1", d("2025-12-01"), null);
        String id = Long.toString(child);
        assertThat(returns.cinCensus(YEAR).problems()).filteredOn(x -> x.child().equals(id))
                .extracting(x -> x.rule() + " " + x.field() + " " + x.message()).containsExactlyInAnyOrder(
                        "CSC-CIN-CPP-OVERLAP CPPstartDate The child protection plan starting 2025-08-20 overlaps the plan that started on 2025-05-20.",
                        "CSC-CIN-FACTOR-YEAR AssessmentFactors Assessment factor 19A is not accepted for the 2025-26 collection year "
                                + "(it was withdrawn after 2023-24): use 19B or 19C.");
        var ssda903 = returns.ssda903(YEAR);
        assertThat(ssda903.problems()).filteredOn(x -> x.child().equals(id) && x.severity() == Severity.ERROR)
                .extracting(x -> x.rule() + " " + x.field()).containsExactly("CSC-903-REC REC");
        assertThat(rows(ssda903.tables(), "Episodes", child)).extracting(r -> r.get("DEC") + "|" + r.get("REC")).containsExactly("01/12/2025|");
    }

    @Test
    void pn0ForAChildOfFourIsRule440() {
        ReturnsCohort c = new ReturnsCohort(jdbc);
        long older = c.child(d("2019-01-01"), "F", "WBRI", null);
        long oc = c.caseOf(older, "team-north", "worker.north", d("2025-04-02"), d("2025-04-02"), "2A");
        c.assessment(oc, "SINGLE", d("2025-04-03"), d("2025-04-10"), "N1");
        long op = c.period(oc, d("2025-04-15"), null, null);
        c.episode(op, oc, d("2025-04-15"), "S", "V2", "Z1", "PR1", null, null);
        c.review(op, oc, 1, d("2025-05-01"), "PN0");
        List<Problem> problems = returns.ssda903(YEAR).problems().stream().filter(p -> p.child().equals(Long.toString(older))).toList();
        assertThat(problems).extracting(p -> p.rule() + " " + p.field() + " " + p.severity()).contains("440 REVIEW_CODE ERROR",
                "CSC-903-CODE-YEAR PLACE ERROR");
        assertThat(problems).filteredOn(p -> p.rule().equals("CSC-903-CODE-YEAR")).extracting(Problem::message).containsExactly(
                "The episode starting 2025-04-15 has placement type Z1 is not accepted for the 2025-26 collection year (it was withdrawn "
                        + "after 2024-25): use one of Z11, Z12, Z13, Z14.");
    }

    /** The cohort's CIN census message only (the shared database holds other tests' children too). */
    private String cohortCensus(CollectionYear year) {
        ReturnFacts all = repository.load(year.start(), year.end());
        Map<Long, ReturnFacts.ChildFacts> mine = new LinkedHashMap<>();
        all.children().forEach((id, f) -> {
            if (c.children.contains(id) && id != broken) {
                mine.put(id, f);
            }
        });
        return CinCensusReturn.build(new ReturnFacts(all.from(), all.to(), mine), year, "330", java.time.Instant.parse("2026-04-02T09:00:00Z"),
                day -> day.plusDays(21));
    }

    @Test
    void cinCensusXmlIsValidAgainstItsSchemaAndHoldsTheWorkedOutElements() throws Exception {
        String xml = cohortCensus(YEAR);
        assertThat(CinCensusReturn.schemaProblems(xml, YEAR)).isEmpty();
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        String child = "/Message/Children/Child[ChildIdentifiers/LAchildID='" + twoPlans + "']";
        assertThat(xpath.evaluate("/Message/Header/CollectionDetails/ReferenceDate", doc)).isEqualTo("2026-03-31");
        assertThat(xpath.evaluate("count(" + child + ")", doc)).isEqualTo("1");
        assertThat(xpath.evaluate(child + "/ChildIdentifiers/Sex", doc)).isEqualTo("F");
        assertThat(xpath.evaluate("count(" + child + "/ChildCharacteristics/Disabilities/Disability)", doc)).isEqualTo("2");
        String details = child + "/CINdetails";
        assertThat(xpath.evaluate("count(" + details + ")", doc)).isEqualTo("1");
        assertThat(xpath.evaluate(details + "/CINreferralDate", doc)).isEqualTo("2025-04-03");
        assertThat(xpath.evaluate(details + "/ReferralSource", doc)).isEqualTo("2A");
        assertThat(xpath.evaluate(details + "/PrimaryNeedCode", doc)).isEqualTo("N1");
        assertThat(xpath.evaluate(details + "/DateOfInitialCPC", doc)).isEqualTo("2025-04-28");
        assertThat(xpath.evaluate(details + "/ReferralNFA", doc)).isEqualTo("false");
        assertThat(xpath.evaluate(details + "/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors[2]", doc)).isEqualTo("4B");
        assertThat(xpath.evaluate("count(" + details + "/Section47)", doc)).isEqualTo("2");
        assertThat(xpath.evaluate(details + "/Section47[2]/S47ActualStartDate", doc)).isEqualTo("2025-11-01");
        assertThat(xpath.evaluate(details + "/Section47[2]/ICPCnotRequired", doc)).isEqualTo("false");
        assertThat(xpath.evaluate("count(" + details + "/ChildProtectionPlans)", doc)).isEqualTo("2");
        String first = details + "/ChildProtectionPlans[1]";
        assertThat(xpath.evaluate(first + "/CPPendDate", doc)).isEqualTo("2025-09-30");
        assertThat(xpath.evaluate(first + "/InitialCategoryOfAbuse", doc)).isEqualTo("NEG");
        assertThat(xpath.evaluate(first + "/LatestCategoryOfAbuse", doc)).isEqualTo("EMO");
        assertThat(xpath.evaluate(first + "/NumberOfPreviousCPP", doc)).isEqualTo("0");
        assertThat(xpath.evaluate(first + "/Reviews/CPPreviewDate", doc)).isEqualTo("2025-07-28");
        String second = details + "/ChildProtectionPlans[2]";
        assertThat(xpath.evaluate(second + "/CPPstartDate", doc)).isEqualTo("2025-11-20");
        assertThat(xpath.evaluate("count(" + second + "/CPPendDate)", doc)).isEqualTo("0");
        assertThat(xpath.evaluate(second + "/NumberOfPreviousCPP", doc)).isEqualTo("1");
        assertThat(xpath.evaluate("count(" + details + "/PreProceedings)", doc)).as("2025-26 has no pre-proceedings block").isEqualTo("0");

        String cin = "/Message/Children/Child[ChildIdentifiers/LAchildID='" + inNeed + "']/CINdetails";
        assertThat(xpath.evaluate(cin + "/CINclosureDate", doc)).isEqualTo("2025-10-01");
        assertThat(xpath.evaluate(cin + "/ReasonForClosure", doc)).isEqualTo("RC7");
        assertThat(xpath.evaluate(cin + "/CINPlanDates/CINPlanStartDate", doc)).isEqualTo("2025-05-21");
        assertThat(xpath.evaluate(cin + "/CINPlanDates/CINPlanEndDate", doc)).isEqualTo("2025-10-01");
        // The care leaver's referral was in 2020 and its case is still open: a CIN episode of the year too.
        assertThat(xpath.evaluate("count(/Message/Children/Child[ChildIdentifiers/LAchildID='" + pn0 + "']/ChildIdentifiers/UPNunknown)", doc))
                .isEqualTo("1");
    }

    @Test
    void cinCensus2026CarriesThePreProceedingsBlockFromTheLegalRoute() throws Exception {
        CollectionYear next = new CollectionYear(2026);
        String xml = cohortCensus(next);
        assertThat(CinCensusReturn.schemaProblems(xml, next)).isEmpty();
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        String block = "/Message/Children/Child[ChildIdentifiers/LAchildID='" + twoPlans + "']/CINdetails/PreProceedings";
        assertThat(xpath.evaluate(block + "/PreProceedingsStartDate", doc)).isEqualTo("2026-05-01");
        assertThat(xpath.evaluate(block + "/LetterBeforeProceedingsDate", doc)).isEqualTo("2026-05-01");
        assertThat(xpath.evaluate(block + "/InitialPreProceedingsMeetingDate", doc)).isEqualTo("2026-05-10");
        assertThat(xpath.evaluate(block + "/NumberOfPreProceedingsReviews", doc)).isEqualTo("1");
        assertThat(xpath.evaluate(block + "/PreProceedingsOutcome", doc)).isEqualTo("STEP_DOWN");
        assertThat(xpath.evaluate(block + "/FGDMOffered", doc)).as("the letter offered a family group meeting").isEqualTo("true");
        assertThat(xpath.evaluate(block + "/FGDMHeld", doc)).as("held on 8 May 2026").isEqualTo("true");
        // A message the schema refuses is reported: a sex the census does not know.
        assertThat(CinCensusReturn.schemaProblems(xml.replace("<Sex>F</Sex>", "<Sex>X</Sex>"), next)).isNotEmpty();
    }

    @Test
    void annexAListsCarryTeamAndWorker() throws Exception {
        StatutoryReturns.AnnexA a = returns.annexA(d("2026-03-31"), 12);
        assertThat(a.lists()).extracting(AnnexAReturn.AnnexList::sheet).containsExactly("List 1", "List 2", "List 3", "List 4", "List 5",
                "List 6", "List 7", "List 8", "List 9", "List 10", "List 11");
        for (var list : a.lists()) {
            assertThat(list.columns()).endsWith("Allocated team", "Allocated worker");
        }
        List<List<String>> cp = a.lists().get(6).rows().stream().filter(r -> r.get(0).equals(Long.toString(twoPlans))).toList();
        assertThat(cp).extracting(r -> r.get(5) + " " + r.get(7) + " " + r.get(9) + " " + r.get(10) + " " + r.get(11))
                .containsExactly("28/04/2025 EMO 30/09/2025 team-north worker.north", "20/11/2025 PHY  team-north worker.north");
        List<List<String>> inCare = a.lists().get(7).rows().stream().filter(r -> r.get(0).equals(Long.toString(several))).toList();
        assertThat(inCare).extracting(r -> r.get(5) + " " + r.get(7) + " " + r.get(11) + " " + r.get(12) + " " + r.get(13))
                .containsExactly("01/05/2025 U6 3 team-north worker.b");
        List<List<String>> cin = a.lists().get(5).rows().stream().filter(r -> r.get(0).equals(Long.toString(inNeed))).toList();
        assertThat(cin).extracting(r -> r.get(r.size() - 1)).containsExactly("Unallocated");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(a.xlsx()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(11);
            assertThat(book.getProperties().getCoreProperties().getCreated().toInstant())
                    .isEqualTo(time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(book.getSheet("List 7").getRow(1).getCell(0).getStringCellValue()).isEqualTo("Child unique ID");
        }
    }

    @Test
    void theApiIsForThePerformanceTeamAndServiceManagersAndRefusesBadYears() {
        ResponseEntity<byte[]> zip = rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/ssda903?year=2025",
                byte[].class);
        assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(zip.getHeaders().getContentDisposition().getFilename()).isEqualTo("ssda903-2025-26.zip");
        ResponseEntity<String> xml = rest.withBasicAuth("service.manager", "demo").getForEntity("/api/returns/cin-census?year=2025",
                String.class);
        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getBody()).contains("<ReferenceDate>2026-03-31</ReferenceDate>");
        ResponseEntity<Map> report = rest.withBasicAuth("performance.officer", "demo")
                .getForEntity("/api/returns/ssda903/validation?year=2025", Map.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) report.getBody().get("problems")).anyMatch(p -> p.get("child").equals(Long.toString(broken))
                && p.get("rule").equals("501"));
        assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/annex-a?asAt=2026-03-31", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // Over everything the shared database holds (other tests' untidy records too), for the current year as well: never a 5xx.
        for (String path : List.of("/api/returns/ssda903", "/api/returns/ssda903/validation", "/api/returns/cin-census?year=2026",
                "/api/returns/cin-census/validation?year=2026", "/api/returns/annex-a", "/api/returns/annex-a/validation?lookBackMonths=24")) {
            assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity(path, byte[].class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(rest.withBasicAuth("worker.north", "demo").getForEntity("/api/returns/ssda903?year=2025", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("manager.north", "demo").getForEntity("/api/returns/annex-a", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/ssda903?year=twenty",
                String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("year").contains("like 2026 for 2026-27");
        assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/cin-census?year=2019", String.class)
                .getBody()).contains("the CIN census is produced for 2025-26 (year=2025) and 2026-27 (year=2026)");
        assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/ssda903?year=2099", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/annex-a?asAt=2026-02-30", String.class)
                .getBody()).contains("asAt");
        assertThat(rest.withBasicAuth("performance.officer", "demo").getForEntity("/api/returns/annex-a?lookBackMonths=0", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE user_id = 'performance.officer' AND subject_type = 'RETURN' "
                + "AND subject_ref = 'ssda903:2025-26'", Integer.class);
        assertThat(audited).isGreaterThanOrEqualTo(2);
        Integer refused = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE user_id = 'worker.north' AND subject_type = 'RETURN' "
                + "AND detail = 'refused: statutory returns'", Integer.class);
        assertThat(refused).isGreaterThanOrEqualTo(1);
    }
}
