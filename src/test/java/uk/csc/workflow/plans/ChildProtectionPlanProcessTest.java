package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;
import static uk.csc.workflow.plans.PlanDriver.coreGroup;
import static uk.csc.workflow.plans.PlanDriver.review;
import static uk.csc.workflow.plans.PlanDriver.visit;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineStatus;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Elements;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Tasks;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * childProtectionPlan.bpmn on the real engine and PostgreSQL, started by the referral route's
 * initial conference. Every expected date is worked out by hand in the comments from the England and
 * Wales bank holidays (25 and 28 December 2026, 1 January, 26 and 29 March 2027). A deadline is the
 * end of its London day (GMT until 28 March 2027, then BST, UTC+1); reminders are at 09:00 London,
 * one working day before (a review conference: ten).
 */
@PostgresIntegrationTest
class ChildProtectionPlanProcessTest {

    @Autowired
    PlanDriver plans;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    PlanQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    private String planOf(ContactRegistered c) {
        String pi = plans.instance(c.caseRef(), ChildProtectionPlanModel.PROCESS_ID);
        assertThat(pi).as("a running child protection plan for " + c.caseRef()).isNotNull();
        return pi;
    }

    private void assertLadder(String pi, String reminder, String due, String serviceManager, String remindAt, String dueAt, String smAt) {
        assertThat(plans.timerDue(pi, reminder)).as(reminder).isEqualTo(Instant.parse(remindAt));
        assertThat(plans.timerDue(pi, due)).as(due).isEqualTo(Instant.parse(dueAt));
        assertThat(plans.timerDue(pi, serviceManager)).as(serviceManager).isEqualTo(Instant.parse(smAt));
    }

    @Test
    void aPlanMadeOnTheTwentySecondOfDecemberRunsItsClocksAcrossChristmasAndCountsEachReviewFromTheDateItWasHeld() {
        ContactRegistered c = plans.onPlanFromConference("2026-12-22", "NEG");
        String pi = planOf(c);

        // The initial conference's decision started the plan in its transaction: the route ended, the plan runs.
        assertThat(plans.endedAt(c.processInstanceId())).isEqualTo(ReferralToAssessmentModel.Elements.END_CHILD_PROTECTION_PLAN);
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CHILD_PROTECTION");
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("source", "INITIAL_CONFERENCE").containsEntry("category", "NEG")
                .containsEntry("plan_number", 1).containsEntry("started_on", java.sql.Date.valueOf("2026-12-22"));
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.HOLD_CORE_GROUP_MEETING, Tasks.RECORD_VISIT, Tasks.HOLD_REVIEW_CONFERENCE);

        // Core group within 10 working days of the conference: 23, 24, 29, 30, 31 Dec (25 and 28 Dec are bank
        // holidays), 4, 5, 6, 7, 8 Jan (1 Jan is): Friday 8 January 2027. Reminder the working day before,
        // 7 January 09:00; the service manager 5 working days after: 11-15 January.
        assertLadder(pi, Elements.CORE_GROUP_REMINDER, Elements.CORE_GROUP_DUE, Elements.CORE_GROUP_SERVICE_MANAGER,
                "2027-01-07T09:00:00Z", "2027-01-08T23:59:59Z", "2027-01-15T23:59:59Z");
        assertThat(plans.taskDue(pi, Tasks.HOLD_CORE_GROUP_MEETING)).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        // Statutory visits every 10 working days (csc.plans.cp-visit-working-days): the first by 8 January too.
        assertLadder(pi, Elements.VISIT_REMINDER, Elements.VISIT_DUE, Elements.VISIT_SERVICE_MANAGER,
                "2027-01-07T09:00:00Z", "2027-01-08T23:59:59Z", "2027-01-15T23:59:59Z");
        // First review conference within 3 months: Monday 22 March 2027. Reminder 10 working days before:
        // 19, 18, 17, 16, 15, 12, 11, 10, 9, 8 March. Service manager: 23, 24, 25, 30, 31 March (Good Friday
        // 26 and Easter Monday 29 March skipped), in BST from 28 March.
        assertLadder(pi, Elements.REVIEW_REMINDER, Elements.REVIEW_DUE, Elements.REVIEW_SERVICE_MANAGER,
                "2027-03-08T09:00:00Z", "2027-03-22T23:59:59Z", "2027-03-31T22:59:59Z");
        assertThat(plans.taskDue(pi, Tasks.HOLD_REVIEW_CONFERENCE)).isEqualTo(Instant.parse("2027-03-22T23:59:59Z"));

        // The core group meets on 6 January; the next meeting is 20 working days later (csc.plans.core-group-working-days):
        // 7, 8, 11-15, 18-22, 25-29 January, 1, 2, 3 February. Reminder 2 February; service manager 4, 5, 8, 9, 10 February.
        at("2027-01-06T15:00");
        plans.asWorker(pi, Tasks.HOLD_CORE_GROUP_MEETING, coreGroup("2027-01-06"));
        assertLadder(pi, Elements.CORE_GROUP_REMINDER, Elements.CORE_GROUP_DUE, Elements.CORE_GROUP_SERVICE_MANAGER,
                "2027-02-02T09:00:00Z", "2027-02-03T23:59:59Z", "2027-02-10T23:59:59Z");
        // The second meeting slips: the worker is reminded, the team manager and then the service manager are told.
        at("2027-02-02T09:05");
        plans.fire(pi, Elements.CORE_GROUP_REMINDER);
        at("2027-02-04T00:05");
        plans.fire(pi, Elements.CORE_GROUP_DUE);
        at("2027-02-11T00:05");
        plans.fire(pi, Elements.CORE_GROUP_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "CORE_GROUP_NEXT")).containsExactly("REMINDER worker.north",
                "TEAM_MANAGER manager.north", "SERVICE_MANAGER group:service-manager");
        at("2027-02-12T14:00");
        assertThatThrownBy(() -> plans.asWorker(pi, Tasks.HOLD_CORE_GROUP_MEETING, coreGroup("2027-02-12")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("lateReason");
        var late = coreGroup("2027-02-12");
        late.put("lateReason", "The school could not attend until after half term");
        plans.asWorker(pi, Tasks.HOLD_CORE_GROUP_MEETING, late);

        // The first visit is missed: reminder, breach, service manager; made on 18 January with the reason. The next
        // one is 10 working days from the visit: 19-22, 25-29 January, 1 February.
        at("2027-01-07T09:05");
        plans.fire(pi, Elements.VISIT_REMINDER);
        at("2027-01-09T00:05");
        plans.fire(pi, Elements.VISIT_DUE);
        at("2027-01-16T00:05");
        plans.fire(pi, Elements.VISIT_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "CP_VISIT")).containsExactly("REMINDER worker.north", "TEAM_MANAGER manager.north",
                "SERVICE_MANAGER group:service-manager");
        at("2027-01-18T12:00");
        var lateVisit = visit("2027-01-18");
        lateVisit.put("lateReason", "The family were away; seen on their return");
        plans.asWorker(pi, Tasks.RECORD_VISIT, lateVisit);
        assertLadder(pi, Elements.VISIT_REMINDER, Elements.VISIT_DUE, Elements.VISIT_SERVICE_MANAGER,
                "2027-01-29T09:00:00Z", "2027-02-01T23:59:59Z", "2027-02-08T23:59:59Z");

        // The first review conference slips: the chair (the IRO service) is told with the worker and the team manager.
        at("2027-03-08T09:05");
        plans.fire(pi, Elements.REVIEW_REMINDER);
        at("2027-03-23T00:05");
        plans.fire(pi, Elements.REVIEW_DUE);
        assertThat(plans.escalations(c.caseId(), "CP_REVIEW_FIRST")).containsExactly("REMINDER worker.north,group:iro",
                "TEAM_MANAGER manager.north,group:iro");
        // Held late on 25 March: the reason is required; the conference is the chair's to record.
        at("2027-03-25T15:00");
        var held = review("2027-03-25", "CHANGE_CATEGORY");
        held.put("categoryOfAbuse", "NEG");
        assertThatThrownBy(() -> plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, held))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("lateReason")
                .hasMessageContaining("categoryOfAbuse: the plan is already under NEG");
        // The conference is the chair's: the engine's grants follow the case, and a service manager holds none on the chair's task.
        assertThat(deepest(catchThrowable(() -> plans.drive.complete(pi, Tasks.HOLD_REVIEW_CONFERENCE, "service.manager",
                List.of("service-manager"), held)))).isInstanceOf(AuthorizationException.class);
        plans.drive.task(pi, Tasks.HOLD_REVIEW_CONFERENCE);
        held.put("lateReason", "The chair was ill; reconvened within the week");
        held.put("categoryOfAbuse", "EMO");
        plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, held);
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("category", "EMO");
        assertThat(jdbc.queryForObject("SELECT from_category || '>' || to_category FROM cp_category_change WHERE plan_id = ?",
                String.class, plans.latestPlan(c.caseId(), "CP").get("id"))).isEqualTo("NEG>EMO");

        // The next review is 6 months from the date the late one was HELD, 25 March: Saturday 25 September 2027
        // (not 22 September). Reminder 10 working days before: 24-20, 17-13 September: Monday 13 September, BST.
        // Service manager: 27, 28, 29, 30 September, 1 October.
        assertLadder(pi, Elements.REVIEW_REMINDER, Elements.REVIEW_DUE, Elements.REVIEW_SERVICE_MANAGER,
                "2027-09-13T08:00:00Z", "2027-09-25T22:59:59Z", "2027-10-01T22:59:59Z");

        // The second review, on time on 20 September, ends the plan: step down to a child in need plan.
        at("2027-09-20T15:00");
        var ending = review("2027-09-20", "END_PLAN");
        assertThatThrownBy(() -> plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, ending)).hasMessageContaining("planEnding");
        ending.put("planEnding", "STEP_DOWN_TO_CHILD_IN_NEED");
        plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, ending);

        assertThat(plans.endedAt(pi)).isEqualTo(Elements.END_STEPPED_DOWN_TO_CHILD_IN_NEED_PLAN);
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("ending", "STEP_DOWN_TO_CHILD_IN_NEED")
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-09-20"));
        // The child in need plan started in the same transaction, on the day the protection plan ended.
        assertThat(plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID)).isNotNull();
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("source", "CP_STEP_DOWN")
                .containsEntry("started_on", java.sql.Date.valueOf("2027-09-20"));
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("CHILD_IN_NEED_PLAN");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CHILD_IN_NEED");

        // The plan's record: each review with its rule, the date it counted from, due and held; what was still to
        // come when the plan ended is cancelled and its clock stopped.
        PlanView plan = queries.plansOf(c.caseId()).get(0);
        assertThat(plan.items()).filteredOn(i -> i.kind().equals("REVIEW"))
                .extracting(PlanView.Item::number, PlanView.Item::rule, i -> str(i.countedFrom()), i -> str(i.dueOn()),
                        i -> str(i.doneOn()), PlanView.Item::decision, PlanView.Item::status)
                .containsExactly(
                        tuple(1, "CP_REVIEW_FIRST", "2026-12-22", "2027-03-22", "2027-03-25", "CHANGE_CATEGORY", "MET_LATE"),
                        tuple(2, "CP_REVIEW_NEXT", "2027-03-25", "2027-09-25", "2027-09-20", "END_PLAN", "MET"));
        assertThat(plan.items()).filteredOn(i -> i.kind().equals("CORE_GROUP")).extracting(PlanView.Item::rule, PlanView.Item::status)
                .containsExactly(tuple("CORE_GROUP_FIRST", "MET"), tuple("CORE_GROUP_NEXT", "MET_LATE"), tuple("CORE_GROUP_NEXT", "CANCELLED"));
        assertThat(plan.items()).filteredOn(i -> i.kind().equals("VISIT")).extracting(PlanView.Item::status)
                .containsExactly("MET_LATE", "CANCELLED");
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.rule().startsWith("CP_") || d.rule().startsWith("CORE_GROUP"))
                .allSatisfy(d -> assertThat(d.completedOn()).as(d.rule() + " " + d.occurrence()).isNotNull());
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.rule().equals("CP_REVIEW_FIRST"))
                .extracting(DeadlineView::status).containsExactly(DeadlineStatus.MET_LATE);
        // What the chair and the worker wrote is in the plan tables, not in the engine.
        assertThat(jdbc.queryForObject("SELECT late_reason FROM plan_item WHERE case_id = ? AND rule = 'CP_REVIEW_FIRST'",
                String.class, c.caseId())).startsWith("The chair was ill");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi).list())
                .extracting(v -> v.getName()).doesNotContain("reviewSummary", "progress", "visitNotes", "lateReason");
    }

    @ParameterizedTest(name = "a review ends the plan: {0}")
    @CsvSource({"LOOKED_AFTER, EndEvent_ReferredToPanel, REFERRED_TO_PANEL, PANEL, false",
            "NO_FURTHER_ACTION, EndEvent_PlanEndedNoFurtherAction, CHILD_PROTECTION_PLAN_ENDED, CLOSED, true"})
    void aReviewConferenceEndsThePlanExplicitly(String planEnding, String endEvent, String outcome, String stage, boolean closed) {
        ContactRegistered c = plans.onPlanFromConference("2027-02-01", "PHY");
        String pi = planOf(c);
        // First review within 3 months of 1 February: 1 May 2027 (a Saturday). Reminder 10 working days before:
        // 30-26, 23-19 April: Monday 19 April. The service manager 5 working days after: 3 May is a bank holiday,
        // so 4, 5, 6, 7, 10 May.
        assertLadder(pi, Elements.REVIEW_REMINDER, Elements.REVIEW_DUE, Elements.REVIEW_SERVICE_MANAGER,
                "2027-04-19T08:00:00Z", "2027-05-01T22:59:59Z", "2027-05-10T22:59:59Z");
        at("2027-04-19T09:05");
        plans.fire(pi, Elements.REVIEW_REMINDER);
        at("2027-05-02T00:05");
        plans.fire(pi, Elements.REVIEW_DUE);
        at("2027-05-11T00:05");
        plans.fire(pi, Elements.REVIEW_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "CP_REVIEW_FIRST")).containsExactly("REMINDER worker.north,group:iro",
                "TEAM_MANAGER manager.north,group:iro", "SERVICE_MANAGER group:service-manager,group:iro");
        at("2027-05-12T11:00");
        var first = review("2027-05-12", "CONTINUE");
        first.put("lateReason", "Rearranged for the father to attend");
        plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, first);
        // 6 months from 12 May: 12 November 2027.
        assertThat(plans.timerDue(pi, Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-11-12T23:59:59Z"));

        at("2027-11-10T11:00");
        var second = review("2027-11-10", "END_PLAN");
        second.put("planEnding", planEnding);
        plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, second);

        assertThat(plans.endedAt(pi)).isEqualTo(endEvent);
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo(outcome);
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo(stage);
        assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM care_case WHERE id = ?", Boolean.class, c.caseId())).isEqualTo(closed);
        // Becoming looked after is the Reception into Care panel's decision: its request opens in the same transaction.
        assertThat(plans.instance(c.caseRef(), ReceptionIntoCarePanelModel.PROCESS_ID) != null).isEqualTo(!closed);
        assertThat(plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID)).isNull();
        // Nothing waits without an owner: every clock of the plan stopped.
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.occurrence().startsWith("cp"))
                .allSatisfy(d -> assertThat(d.completedOn()).isNotNull());
    }

    @Test
    void aSecondPlanForTheSameChildIsRecordedAsSuch() {
        ContactRegistered first = plans.onPlanFromConference("2027-03-01", "NEG");
        String pi = planOf(first);
        at("2027-05-20T11:00");
        var ending = review("2027-05-20", "END_PLAN");
        ending.put("planEnding", "NO_FURTHER_ACTION");
        plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, ending);

        // A year later the same child (same names and date of birth) is referred again and made subject to a plan.
        var child = jdbc.queryForMap("SELECT first_name, last_name, date_of_birth FROM child ch JOIN care_case c ON c.child_id = ch.id"
                + " WHERE c.id = ?", first.caseId());
        at("2028-05-22T09:00");
        ContactRegistered again = plans.contactAbout(jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class,
                first.caseId()), (String) child.get("first_name"), (String) child.get("last_name"),
                ((java.sql.Date) child.get("date_of_birth")).toLocalDate(), "B23 6AB");
        assertThat(again.linkedToExistingChild()).isTrue();
        var answer = plans.transferIn(again, PlanDriver.MANAGER_NORTH, "2028-05-22", "MUL", 0, "worker.north");

        assertThat(plans.latestPlan(again.caseId(), "CP")).containsEntry("plan_number", 2).containsEntry("source", "TRANSFER_IN");
        assertThat(queries.plansOf(again.caseId())).singleElement().satisfies(p -> assertThat(p.secondOrLater()).isTrue());
        assertThat(answer).containsKey("processInstanceId");
    }

    @Test
    void aChildAlreadyOnAPlanIsNotGivenASecondOneByAnotherCasesConference() {
        ContactRegistered first = plans.onPlanFromConference("2027-03-01", "NEG");
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, first.caseId());
        var child = jdbc.queryForMap("SELECT first_name, last_name, date_of_birth FROM child WHERE id = ?", childId);
        at("2027-04-06T09:00");
        ContactRegistered again = plans.contactAbout(childId, (String) child.get("first_name"), (String) child.get("last_name"),
                ((java.sql.Date) child.get("date_of_birth")).toLocalDate(), "B23 6AB");
        String pi = again.processInstanceId();
        plans.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION",
                "decisionReason", "New concerns from school"));
        plans.asManager(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        plans.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2027-04-06",
                "strategyAttendees", "Police, school", "strategyDecision", "START_S47", "strategyReason", "Disclosure"));
        plans.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY, Map.of("s47ConcludedOn", "2027-04-06",
                "s47Outcome", "CONCERNS_SUBSTANTIATED", "s47Reason", "Harm likely"));

        assertThatThrownBy(() -> plans.asManager(pi, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn",
                "2027-04-06", "conferenceOutcome", "CP_PLAN", "categoryOfAbuse", "EMO")))
                .hasMessageContaining("conferenceOutcome: the child is already on a child protection plan (case " + first.caseRef() + ")");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_plan WHERE child_id = ? AND kind = 'CP'", Integer.class, childId)).isEqualTo(1);
        // The conference can still decide no plan: the concerns go to the existing plan's review.
        plans.asManager(pi, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn", "2027-04-06",
                "conferenceOutcome", "NO_PLAN", "nextStep", "CHILD_IN_NEED_PLAN"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_plan WHERE child_id = ? AND kind = 'CP'", Integer.class, childId)).isEqualTo(1);
    }

    @Test
    void theChairsRecordIsCheckedOnTheServer() {
        ContactRegistered c = plans.onPlanFromConference("2027-06-01", "SAB");
        String pi = planOf(c);
        at("2027-06-03T10:00");
        // A review on the day of the conference, or in the future, is refused; so is a core group meeting before the plan.
        assertThatThrownBy(() -> plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, review("2027-06-01", "CONTINUE")))
                .hasMessageContaining("reviewHeldOn: must be after 2027-06-01");
        assertThatThrownBy(() -> plans.asIro(pi, Tasks.HOLD_REVIEW_CONFERENCE, review("2027-06-04", "CONTINUE")))
                .hasMessageContaining("reviewHeldOn: cannot be in the future");
        assertThatThrownBy(() -> plans.asWorker(pi, Tasks.HOLD_CORE_GROUP_MEETING, coreGroup("2027-05-31")))
                .hasMessageContaining("coreGroupHeldOn: cannot be before 2027-06-01");
        assertThatThrownBy(() -> plans.asWorker(pi, Tasks.RECORD_VISIT, Map.of("visitedOn", "2027-06-02")))
                .hasMessageContaining("seenAlone").hasMessageContaining("visitNotes");
        // Nothing was recorded; the tasks are still open.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_item WHERE case_id = ? AND done_on IS NOT NULL", Integer.class,
                c.caseId())).isZero();
        plans.asWorker(pi, Tasks.RECORD_VISIT, visit("2027-06-02"));
        assertThat(queries.plansOf(c.caseId()).get(0).items()).filteredOn(i -> i.kind().equals("VISIT"))
                .extracting(PlanView.Item::status).containsExactly("MET", "OPEN");
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Throwable deepest(Throwable thrown) {
        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
