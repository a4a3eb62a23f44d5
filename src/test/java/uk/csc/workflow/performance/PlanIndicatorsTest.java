package uk.csc.workflow.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.plans.PlanDriver;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * NI 65 and NI 67 from plans the engine ran, for a hand-built cohort in the reporting year 1 April
 * 2033 to 31 March 2034 (a year no other test touches). Each plan starts at a transfer-in conference
 * and its review conferences are held through the process, on time or late; the answers are worked
 * out in {@link #runTheCohortThroughThePlans()}.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanIndicatorsTest {

    static final LocalDate FROM = LocalDate.parse("2033-04-01");
    static final LocalDate TO = LocalDate.parse("2034-03-31");
    static final CurrentUser SERVICE_MANAGER = new CurrentUser("service.manager", Set.of("service-manager"));

    @Autowired
    PlanDriver plans;
    @Autowired
    IndicatorService indicators;
    @Autowired
    IndicatorDataService data;
    @Autowired
    CaseFileService cases;
    @Autowired
    JdbcTemplate jdbc;

    private ContactRegistered a;
    private ContactRegistered b;
    private ContactRegistered c;
    private ContactRegistered d;
    private ContactRegistered e;

    private String planOf(ContactRegistered contact) {
        return plans.instance(contact.caseRef(), ChildProtectionPlanModel.PROCESS_ID);
    }

    private void review(ContactRegistered contact, String heldOn, String decision, String lateReason, String ending) {
        at(heldOn + "T15:00");
        Map<String, Object> values = new HashMap<>(PlanDriver.review(heldOn, decision));
        if (lateReason != null) {
            values.put("lateReason", lateReason);
        }
        if (ending != null) {
            values.put("planEnding", ending);
        }
        plans.asIro(planOf(contact), ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, values);
    }

    /** Built by the first test to run (process coverage records only inside a test), then shared. */
    private boolean built;

    void runTheCohortThroughThePlans() {
        if (built) {
            return;
        }
        built = true;
        String first = "Ni" + UUID.randomUUID().toString().substring(0, 8);
        String nhsOfA = NhsNumbers.next();
        LocalDate born = LocalDate.parse("2024-05-05");
        // A (north): transfer-in conference 10 January 2033, before the year. Review 1 due 10 April 2033, held 8 April
        // (on time); review 2 due 6 months later, 8 October, held late on 20 October, which ends the plan.
        at("2033-01-12T10:00");
        a = plans.contact(first, "Cohort", born, "B23 6AB", nhsOfA);
        plans.transferIn(a, PlanDriver.MANAGER_NORTH, "2033-01-10", "NEG", 0, "worker.north");
        review(a, "2033-04-08", "CONTINUE", null, null);
        review(a, "2033-10-20", "END_PLAN", "The family moved; reconvened", "NO_FURTHER_ACTION");
        // B (south): conference 1 June 2033. Review 1 due 1 September, held that day (on time); review 2 due
        // 1 March 2034 and never held.
        at("2033-06-02T10:00");
        b = plans.contact("Ni" + UUID.randomUUID().toString().substring(0, 8), "Cohort", born, "B13 9AA");
        plans.transferIn(b, PlanDriver.MANAGER_SOUTH, "2033-06-01", "EMO", 0, "worker.south");
        review(b, "2033-09-01", "CONTINUE", null, null);
        // C (north): A's child again, on a new case: conference 15 November 2033, the child's second plan.
        // Review 1 due 15 February 2034, held 10 February, ends the plan.
        at("2033-11-16T10:00");
        c = plans.contact(first, "Cohort", born, "B23 6AB", nhsOfA);
        plans.transferIn(c, PlanDriver.MANAGER_NORTH, "2033-11-15", "MUL", 0, "worker.north");
        review(c, "2034-02-10", "END_PLAN", null, "NO_FURTHER_ACTION");
        // D (north): conference 20 January 2034; a plan before it elsewhere makes it a second plan. Review 1 is due
        // 20 April 2034, after the year.
        at("2034-01-21T10:00");
        d = plans.contact("Ni" + UUID.randomUUID().toString().substring(0, 8), "Cohort", born, "B23 6AB");
        plans.transferIn(d, PlanDriver.MANAGER_NORTH, "2034-01-20", "SAB", 1, "worker.north");
        // E (north): imported history, a plan made before the engine ran plans (conference 1 March 2033): its
        // first review, due 1 June 2033, was held late on 5 June and is typed in through the capture API.
        at("2033-03-05T10:00");
        e = plans.contact("Ni" + UUID.randomUUID().toString().substring(0, 8), "Cohort", born, "B23 6AB");
        jdbc.update("""
                INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision,
                    conference_held_on, conference_outcome, category_of_abuse, recorded_by)
                VALUES (?, DATE '2033-02-20', 'Police', 'START_S47', DATE '2033-03-01', 'CP_PLAN', 'NEG', 'test')""", e.caseId());
        at("2033-06-06T10:00");
        data.recordCpReview(cases.get(e.caseId()), new FormValues(Map.of("heldOn", "2033-06-05")), "manager.north");
    }

    private IndicatorRow city(Indicator indicator) {
        return indicators.indicators(FROM, TO, Level.CITY, SERVICE_MANAGER).stream().filter(r -> r.code().equals(indicator.name()))
                .findFirst().orElseThrow();
    }

    @Test
    void ni67CountsTheReviewConferencesTheEngineRanDueInTheYearAndTheImportedHistory() {
        runTheCohortThroughThePlans();
        at("2034-06-01T09:00");
        // Due in the year: A1 (met), A2 (late), B1 (met, on its due date), B2 (due 1 March 2034, never held: missed),
        // C1 (met); D1 falls due after the year; E1 (imported, late). 3 of 6.
        IndicatorRow ni67 = city(Indicator.NI67);
        assertThat(ni67).extracting(IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::percent, IndicatorRow::status)
                .containsExactly(3L, 6L, 50.0, RagStatus.RED);
        List<IndicatorService.CohortCase> behind = indicators.cases(Indicator.NI67, FROM, TO, Level.CITY, null, false, SERVICE_MANAGER);
        assertThat(behind).extracting(IndicatorService.CohortCase::caseRef, r -> r.eventOn().toString(), IndicatorService.CohortCase::inNumerator)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a.caseRef(), "2033-04-10", true),
                        org.assertj.core.groups.Tuple.tuple(e.caseRef(), "2033-06-01", false),
                        org.assertj.core.groups.Tuple.tuple(b.caseRef(), "2033-09-01", true),
                        org.assertj.core.groups.Tuple.tuple(a.caseRef(), "2033-10-08", false),
                        org.assertj.core.groups.Tuple.tuple(c.caseRef(), "2034-02-15", true),
                        org.assertj.core.groups.Tuple.tuple(b.caseRef(), "2034-03-01", false));
        // By team: north A1, A2, C1, E1 (2 of 4); south B1, B2 (1 of 2).
        var teams = indicators.indicators(FROM, TO, Level.TEAM, SERVICE_MANAGER).stream().filter(r -> r.code().equals("NI67"))
                .collect(java.util.stream.Collectors.toMap(IndicatorRow::group, r -> r.numerator() + "/" + r.denominator()));
        assertThat(teams).containsEntry("team-north", "2/4").containsEntry("team-south", "1/2");
    }

    @Test
    void aReviewNotYetDueIsNotCountedAsMissed() {
        runTheCohortThroughThePlans();
        // On 20 February 2034, B's second review (due 1 March) is not yet due: 3 of 5.
        at("2034-02-20T09:00");
        assertThat(city(Indicator.NI67)).extracting(IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::percent)
                .containsExactly(3L, 5L, 60.0);
    }

    @Test
    void ni65CountsThePlansStartedInTheYearThatWereSecondOrLater() {
        runTheCohortThroughThePlans();
        at("2034-06-01T09:00");
        // Started in the year: B (the child's first), C (A's child's second), D (second: one before it elsewhere). A started
        // before the year; E's plan is only a conference in the imported history. 2 of 3; lower is better (target 13).
        assertThat(city(Indicator.NI65)).extracting(IndicatorRow::numerator, IndicatorRow::denominator, IndicatorRow::percent,
                IndicatorRow::status).containsExactly(2L, 3L, 66.7, RagStatus.RED);
        assertThat(indicators.cases(Indicator.NI65, FROM, TO, Level.CITY, null, true, SERVICE_MANAGER))
                .extracting(IndicatorService.CohortCase::caseRef).containsExactly(c.caseRef(), d.caseRef());
    }
}
