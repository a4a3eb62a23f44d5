package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.plans.PlanDriver.review;
import static uk.csc.workflow.plans.PlanDriver.visit;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Elements;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Tasks;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * childInNeedPlan.bpmn on the real engine and PostgreSQL, started by the referral route's child in
 * need plan. Dates are worked out by hand from the England and Wales bank holidays (25 and 28
 * December 2026, 1 January, 26 and 29 March 2027); the council's frequencies are the defaults
 * (visits every 20 working days, reviews every 3 months, the review reminder 10 working days ahead).
 */
@PostgresIntegrationTest
class ChildInNeedPlanProcessTest {

    @Autowired
    PlanDriver plans;
    @Autowired
    PlanQueries queries;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    private String planOf(ContactRegistered c) {
        String pi = plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID);
        assertThat(pi).as("a running child in need plan for " + c.caseRef()).isNotNull();
        return pi;
    }

    private void assertLadder(String pi, String reminder, String due, String serviceManager, String remindAt, String dueAt, String smAt) {
        assertThat(plans.timerDue(pi, reminder)).as(reminder).isEqualTo(Instant.parse(remindAt));
        assertThat(plans.timerDue(pi, due)).as(due).isEqualTo(Instant.parse(dueAt));
        assertThat(plans.timerDue(pi, serviceManager)).as(serviceManager).isEqualTo(Instant.parse(smAt));
    }

    @Test
    void aPlanFromTheTwentySecondOfDecemberIsAgreedVisitedReviewedAndClosedWithItsCensusReason() {
        ContactRegistered c = plans.onChildInNeedPlan("2026-12-22");
        String pi = planOf(c);
        assertThat(plans.endedAt(c.processInstanceId())).isEqualTo(ReferralToAssessmentModel.Elements.END_CHILD_IN_NEED_PLAN);
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("source", "REFERRAL_ROUTE")
                .containsEntry("started_on", java.sql.Date.valueOf("2026-12-22"));
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.AGREE_PLAN, Tasks.RECORD_VISIT, Tasks.HOLD_REVIEW);

        // The plan is agreed within 10 working days (local standard CIN_PLAN): 23, 24, 29, 30, 31 Dec, 4-8 Jan.
        assertThat(plans.taskDue(pi, Tasks.AGREE_PLAN)).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        // Visits every 20 working days: 23, 24, 29, 30, 31 Dec, 4-8, 11-15, 18-22 Jan: Friday 22 January; reminder the
        // day before; the service manager 25-29 January.
        assertLadder(pi, Elements.VISIT_REMINDER, Elements.VISIT_DUE, Elements.VISIT_SERVICE_MANAGER,
                "2027-01-21T09:00:00Z", "2027-01-22T23:59:59Z", "2027-01-29T23:59:59Z");
        // Reviews every 3 months: Monday 22 March 2027; reminder 10 working days before (8 March); the service
        // manager 23, 24, 25, 30, 31 March (Easter skipped), BST.
        assertLadder(pi, Elements.REVIEW_REMINDER, Elements.REVIEW_DUE, Elements.REVIEW_SERVICE_MANAGER,
                "2027-03-08T09:00:00Z", "2027-03-22T23:59:59Z", "2027-03-31T22:59:59Z");

        at("2027-01-05T10:00");
        assertThatThrownBy(() -> plans.asWorker(pi, Tasks.AGREE_PLAN, agreement("2026-12-21")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("planAgreedOn: cannot be before the plan started");
        plans.asWorker(pi, Tasks.AGREE_PLAN, agreement("2027-01-05"));
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("agreed_on", java.sql.Date.valueOf("2027-01-05"));

        // The first visit slips through the whole ladder and is made late on 1 February; the next is 20 working
        // days from the visit: 2-5, 8-12, 15-19, 22-26 February, 1 March.
        at("2027-01-21T09:05");
        plans.fire(pi, Elements.VISIT_REMINDER);
        at("2027-01-23T00:05");
        plans.fire(pi, Elements.VISIT_DUE);
        at("2027-01-30T00:05");
        plans.fire(pi, Elements.VISIT_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "CIN_VISIT")).containsExactly("REMINDER worker.north", "TEAM_MANAGER manager.north",
                "SERVICE_MANAGER group:service-manager");
        at("2027-02-01T12:00");
        assertThatThrownBy(() -> plans.asWorker(pi, Tasks.RECORD_VISIT, visit("2027-02-01"))).hasMessageContaining("lateReason");
        var late = visit("2027-02-01");
        late.put("lateReason", "The family did not answer on three visits; seen at school");
        plans.asWorker(pi, Tasks.RECORD_VISIT, late);
        assertThat(plans.timerDue(pi, Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-03-01T23:59:59Z"));

        // The first review slips too, and is held on 1 April: the next is 3 months from then, Thursday 1 July 2027.
        at("2027-03-08T09:05");
        plans.fire(pi, Elements.REVIEW_REMINDER);
        at("2027-03-23T00:05");
        plans.fire(pi, Elements.REVIEW_DUE);
        at("2027-04-01T00:05");
        plans.fire(pi, Elements.REVIEW_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "CIN_PLAN_REVIEW")).containsExactly("REMINDER worker.north",
                "TEAM_MANAGER manager.north", "SERVICE_MANAGER group:service-manager");
        at("2027-04-01T15:00");
        var first = review("2027-04-01", "CONTINUE");
        first.put("lateReason", "Rearranged so that the mother could attend");
        plans.asManager(pi, Tasks.HOLD_REVIEW, first);
        // Reminder 10 working days before 1 July: 30-28, 25-21, 18, 17 June; service manager 2, 5, 6, 7, 8 July.
        assertLadder(pi, Elements.REVIEW_REMINDER, Elements.REVIEW_DUE, Elements.REVIEW_SERVICE_MANAGER,
                "2027-06-17T08:00:00Z", "2027-07-01T22:59:59Z", "2027-07-08T22:59:59Z");

        // The second review closes the plan: the CIN census closure reason is required and must be one of RC1-RC9.
        at("2027-06-28T15:00");
        var closing = review("2027-06-28", "CLOSE");
        assertThatThrownBy(() -> plans.asManager(pi, Tasks.HOLD_REVIEW, closing)).hasMessageContaining("closureReason");
        closing.put("closureReason", "RC10");
        assertThatThrownBy(() -> plans.asManager(pi, Tasks.HOLD_REVIEW, closing)).hasMessageContaining("'RC10' is not one of");
        closing.put("closureReason", "RC7");
        plans.asManager(pi, Tasks.HOLD_REVIEW, closing);

        assertThat(plans.endedAt(pi)).isEqualTo(Elements.END_PLAN_CLOSED);
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("ending", "CLOSE").containsEntry("closure_reason", "RC7")
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-06-28"));
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("CHILD_IN_NEED_PLAN_CLOSED");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CLOSED");
        assertThat(queries.plansOf(c.caseId()).get(0).items()).extracting(i -> i.kind() + " " + i.number() + " " + i.status())
                .containsExactlyInAnyOrder("REVIEW 1 MET_LATE", "REVIEW 2 MET", "VISIT 1 MET_LATE", "VISIT 2 CANCELLED");
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.occurrence().startsWith("cin"))
                .allSatisfy(d -> assertThat(d.completedOn()).isNotNull());
    }

    @Test
    void aReviewStepsDownToEarlyHelpWithTheClosureReason() {
        ContactRegistered c = plans.onChildInNeedPlan("2027-04-06");
        String pi = planOf(c);
        at("2027-06-10T11:00");
        var stepDown = review("2027-06-10", "STEP_DOWN");
        assertThatThrownBy(() -> plans.asManager(pi, Tasks.HOLD_REVIEW, stepDown)).hasMessageContaining("closureReason");
        stepDown.put("closureReason", "RC7");
        plans.asManager(pi, Tasks.HOLD_REVIEW, stepDown);

        assertThat(plans.endedAt(pi)).isEqualTo(Elements.END_STEPPED_DOWN_TO_EARLY_HELP);
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("STEPPED_DOWN_TO_EARLY_HELP");
        assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM care_case WHERE id = ?", Boolean.class, c.caseId())).isTrue();
    }

    @Test
    void aReviewStepsUpIntoTheReferralRoutesStrategyDiscussionWhichCanMakeAChildProtectionPlan() {
        ContactRegistered c = plans.onChildInNeedPlan("2027-04-06");
        String pi = planOf(c);
        at("2027-06-10T11:00");
        plans.asManager(pi, Tasks.HOLD_REVIEW, review("2027-06-10", "STEP_UP"));

        assertThat(plans.endedAt(pi)).isEqualTo(Elements.END_STEPPED_UP);
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("STEPPED_UP_TO_STRATEGY_DISCUSSION");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("STRATEGY_DISCUSSION");
        // The referral route again, for the same case, waiting at its strategy discussion with the allocated worker.
        String route = plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID);
        assertThat(route).isNotNull().isNotEqualTo(c.processInstanceId());
        assertThat(plans.drive.task(route, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION).getAssignee()).isEqualTo("worker.north");

        plans.asWorker(route, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2027-06-10",
                "strategyAttendees", "Police and school", "strategyDecision", "START_S47", "strategyReason", "New injury"));
        // The initial conference within 15 working days of the strategy discussion: 11, 14-18, 21-25, 28-30 June, 1 July.
        assertThat(plans.timerDue(route, ReferralToAssessmentModel.Elements.CHILD_PROTECTION_ENQUIRY_DUE))
                .isEqualTo(Instant.parse("2027-07-01T22:59:59Z"));
        at("2027-06-24T11:00");
        plans.asWorker(route, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY, Map.of("s47ConcludedOn", "2027-06-23",
                "s47Outcome", "CONCERNS_SUBSTANTIATED", "s47Reason", "Physical harm"));
        plans.asManager(route, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn", "2027-06-24",
                "conferenceOutcome", "CP_PLAN", "categoryOfAbuse", "PHY"));

        assertThat(plans.instance(c.caseRef(), ChildProtectionPlanModel.PROCESS_ID)).isNotNull();
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("plan_number", 1).containsEntry("category", "PHY");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CHILD_PROTECTION");
        assertThat(queries.plansOf(c.caseId())).extracting(PlanView::kind, PlanView::ending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CIN", "STEP_UP"), org.assertj.core.groups.Tuple.tuple("CP", null));
    }

    private static Map<String, Object> agreement(String agreedOn) {
        return Map.of("planAgreedOn", agreedOn, "planParticipants", "Mother, child, school, social worker",
                "planNeeds", "School attendance and routines; the school nurse sees her weekly");
    }
}
