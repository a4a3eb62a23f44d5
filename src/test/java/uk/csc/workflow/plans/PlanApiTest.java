package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** The plans' API: a transfer-in conference, a step-up between reviews and the case's plans, each checked and team-scoped. */
@PostgresIntegrationTest
class PlanApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    PlanDriver plans;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTransferInConferenceEndsTheReferralRouteAndStartsThePlan() {
        at("2027-02-15T10:00");
        ContactRegistered c = plans.drive.receive(ReferralDriver.contact("SIGNIFICANT_HARM", false, false, true, PlanDriver.nowAsOffset()));
        String path = "/api/cases/" + c.caseRef() + "/cp-plans";
        Map<String, Object> conference = Map.of("conferenceHeldOn", "2027-02-12", "categoryOfAbuse", "PHY",
                "originatingAuthority", "Another council", "previousPlansElsewhere", 1, "allocatedWorker", "worker.north");

        assertThat(post("worker.north", path, conference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager.south", path, conference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var invalid = post("manager.north", path, Map.of("conferenceHeldOn", "2027-02-16", "previousPlansElsewhere", "two"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) invalid.getBody().get("problems")).extracting(p -> p.get("field"))
                .contains("conferenceHeldOn", "categoryOfAbuse", "originatingAuthority", "previousPlansElsewhere", "allocatedWorker");
        assertThat(plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID)).as("nothing changed").isNotNull();

        var created = post("manager.north", path, conference);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("referralRouteEnded", true).containsKey("processInstanceId");
        // The referral route ended explicitly, its clocks stopped; the case is on a plan with its worker.
        assertThat(plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID)).isNull();
        assertThat(plans.passed(c.processInstanceId(), ReferralToAssessmentModel.Elements.END_TRANSFERRED_IN_ON_CHILD_PROTECTION_PLAN)).isTrue();
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.rule().equals("REFERRAL_DECISION"))
                .extracting(DeadlineView::completedOn).extracting(Object::toString).containsExactly("2027-02-15");
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("TRANSFERRED_IN_ON_CHILD_PROTECTION_PLAN");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CHILD_PROTECTION");
        assertThat(jdbc.queryForObject("SELECT worker FROM care_case WHERE id = ?", String.class, c.caseId())).isEqualTo("worker.north");
        // A plan before the one the child moved in on makes this a second plan (NI 65).
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("source", "TRANSFER_IN").containsEntry("plan_number", 2)
                .containsEntry("originating_authority", "Another council");
        // Its clocks count from the transfer-in conference on Friday 12 February: the core group within 10 working
        // days (15-19, 22-26 February), the first review within 3 months (12 May 2027, BST).
        String pi = (String) created.getBody().get("processInstanceId");
        assertThat(plans.timerDue(pi, ChildProtectionPlanModel.Elements.CORE_GROUP_DUE)).isEqualTo(Instant.parse("2027-02-26T23:59:59Z"));
        assertThat(plans.timerDue(pi, ChildProtectionPlanModel.Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-05-12T22:59:59Z"));

        // A second transfer-in for a child already on a plan is refused.
        var again = post("manager.north", path, conference);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().get("problems").toString()).contains("already on a child protection plan");

        List<Map<String, Object>> seen = rest.withBasicAuth("worker.north", "demo").getForObject("/api/cases/" + c.caseRef() + "/plans", List.class);
        assertThat(seen).singleElement().satisfies(p -> assertThat(p).containsEntry("kind", "CP").containsEntry("secondOrLater", true));
        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + c.caseRef() + "/plans", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTransferInConferenceIsRefusedForAChildOnAChildProtectionPlanThroughAnotherCase() {
        ContactRegistered first = plans.onPlanFromConference("2027-03-01", "NEG");
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE id = ?", Long.class, first.caseId());
        var child = jdbc.queryForMap("SELECT first_name, last_name, date_of_birth FROM child WHERE id = ?", childId);
        at("2027-04-06T09:00");
        // The same child comes to the front door again (confirmed as the known child): a second case.
        ContactRegistered again = plans.contactAbout(childId, (String) child.get("first_name"), (String) child.get("last_name"),
                ((java.sql.Date) child.get("date_of_birth")).toLocalDate(), "B23 6AB");
        assertThat(again.caseId()).isNotEqualTo(first.caseId());
        String path = "/api/cases/" + again.caseRef() + "/cp-plans";
        Map<String, Object> conference = Map.of("conferenceHeldOn", "2027-04-01", "categoryOfAbuse", "PHY",
                "originatingAuthority", "Another council", "allocatedWorker", "worker.north");

        var refused = post("manager.north", path, conference);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems").toString()).contains("caseRef")
                .contains("the child is already on a child protection plan (case " + first.caseRef() + ")");
        // Nothing was recorded: one plan for the child, and the second case's referral route still runs.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_plan WHERE child_id = ? AND kind = 'CP'", Integer.class, childId)).isOne();
        assertThat(plans.instance(again.caseRef(), ReferralToAssessmentModel.PROCESS_ID)).isEqualTo(again.processInstanceId());

        // Once that plan has ended, the child can move in on another council's plan through this case.
        String firstPlan = plans.instance(first.caseRef(), ChildProtectionPlanModel.PROCESS_ID);
        at("2027-04-07T11:00");
        var ending = PlanDriver.review("2027-04-07", "END_PLAN");
        ending.put("planEnding", "NO_FURTHER_ACTION");
        plans.asIro(firstPlan, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, ending);
        var created = post("manager.north", path, conference);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(plans.latestPlan(again.caseId(), "CP")).containsEntry("source", "TRANSFER_IN").containsEntry("plan_number", 2);
    }

    @Test
    void theConferenceChairReadsTheCaseFileOfAChildOnAPlanAndNotOfOthers() {
        ContactRegistered onPlan = plans.onPlanFromConference("2027-03-01", "NEG");
        ContactRegistered notOnPlan = plans.drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, PlanDriver.nowAsOffset()));

        assertThat(rest.withBasicAuth("iro", "demo").getForEntity("/api/cases/" + onPlan.caseRef() + "/file", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("iro", "demo").getForEntity("/api/cases/" + notOnPlan.caseRef() + "/file", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aClosedCaseHasNoTransferIn() {
        at("2027-02-15T10:00");
        ContactRegistered c = plans.drive.receive(ReferralDriver.contact("LOW_LEVEL_NEED", false, false, true, PlanDriver.nowAsOffset()));
        plans.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "NO_FURTHER_ACTION", "decisionReason", "No concerns"));

        var refused = post("manager.north", "/api/cases/" + c.caseRef() + "/cp-plans", Map.of("conferenceHeldOn", "2027-02-12",
                "categoryOfAbuse", "NEG", "originatingAuthority", "Another council", "allocatedWorker", "worker.north"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems").toString()).contains("is closed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void concernsOfSignificantHarmBetweenReviewsStepThePlanUpAtOnce() {
        ContactRegistered c = plans.onChildInNeedPlan("2027-03-01");
        String planPi = plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID);
        String path = "/api/cases/" + c.caseRef() + "/cin-plan/step-up";
        at("2027-03-10T14:00");

        assertThat(post("worker.south", path, Map.of("reason", "Injury seen at school")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("worker.north", path, Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var stepped = post("worker.north", path, Map.of("reason", "Injury seen at school"));

        assertThat(stepped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID)).isNull();
        assertThat(plans.passed(planPi, ChildInNeedPlanModel.Elements.END_STEPPED_UP_BETWEEN_REVIEWS)).isTrue();
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("ending", "STEP_UP").containsEntry("ending_reason", "Injury seen at school")
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-03-10")).containsEntry("ended_by", "worker.north");
        // The reason is case data: in the plan's record, never in the engine's variables or history.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'stepUpReason'",
                Integer.class, planPi)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND TEXT_ LIKE '%Injury seen%'",
                Integer.class, planPi)).isZero();
        String route = (String) stepped.getBody().get("processInstanceId");
        assertThat(route).isEqualTo(plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID));
        plans.drive.task(route, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION);
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("STRATEGY_DISCUSSION");
        // Nothing of the plan is left waiting.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_item WHERE case_id = ? AND done_on IS NULL AND cancelled_on IS NULL",
                Integer.class, c.caseId())).isZero();
        // With no plan open, there is nothing to step up.
        assertThat(post("worker.north", path, Map.of("reason", "Again")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var summary = rest.withBasicAuth("worker.north", "demo").getForObject("/api/cases/" + c.caseRef(), Map.class);
        assertThat((List<Object>) ((Map<String, Object>) summary.get("sections")).get("plans")).hasSize(1);
    }
}
