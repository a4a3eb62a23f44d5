package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.referral.ReferralDriver.assessment;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.authorisation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.plans.FamilyHelpPlanModel.Elements;
import uk.csc.workflow.plans.FamilyHelpPlanModel.Tasks;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;

/**
 * The Families First profile: the front door's accepted referral goes to a lead practitioner and one
 * single assessment (45 working days), which can lead to a Family Help plan (familyHelpPlan.bpmn):
 * agreed with the family, reviewed every 3 months from the date the previous review was held, with
 * every review clock's escalations, visited by the lead practitioner every 20 working days from the
 * previous visit (with its own ladder), and ended by a named outcome (step up to a strategy discussion,
 * step down to universal services, closure). A case keeps the profile it started under.
 */
@PostgresIntegrationTest
class FamilyHelpPlanProcessTest {

    @Autowired
    ReferralDriver drive;
    @Autowired
    PlanDriver plans;
    @Autowired
    GuidanceProfileSetting profiles;
    @Autowired
    TaskService tasks;
    @Autowired
    PlanQueries queries;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @BeforeEach
    void tuesdayTwentySecondOfDecemberUnderFamiliesFirst() {
        at("2026-12-22T10:00");
        profiles.switchTo(GuidanceProfile.FAMILIES_FIRST);
    }

    @AfterEach
    void backToTheConfiguredProfile() {
        profiles.switchTo(GuidanceProfile.WT2010);
    }

    /** An accepted referral under Families First, its single assessment authorised as a Family Help plan today. */
    private ContactRegistered onFamilyHelp() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        // The single assessment of Working Together 2023: 45 working days from 22 December 2026.
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.SINGLE_ASSESSMENT_DUE)).isEqualTo(Instant.parse("2027-02-26T23:59:59Z"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "FAMILY_HELP_PLAN"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, authorisation("FAMILY_HELP_PLAN"));
        assertThat(plans.endedAt(pi)).isEqualTo(ReferralToAssessmentModel.Elements.END_FAMILY_HELP_PLAN);
        return c;
    }

    private static Map<String, Object> review(String heldOn, String decision) {
        return new HashMap<>(Map.of("reviewHeldOn", heldOn, "reviewDecision", decision,
                "reviewSummary", "The lead practitioner, the family and the school reviewed the plan"));
    }

    @Test
    void aFamilyHelpPlanIsAgreedByTheLeadPractitionerAndReviewedFromTheDateEachReviewWasHeld() {
        ContactRegistered c = onFamilyHelp();
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("FAMILY_HELP");
        String fh = plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID);
        assertThat(fh).as("the Family Help plan's process started in the same transaction").isNotNull();
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("source", "SINGLE_ASSESSMENT")
                .containsEntry("started_on", java.sql.Date.valueOf("2026-12-22"));

        // The lead practitioner (the allocated worker) agrees the plan within 10 working days: 8 January 2027.
        var agree = drive.task(fh, Tasks.AGREE_PLAN);
        assertThat(agree.getAssignee()).isEqualTo("worker.north");
        assertThat(agree.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        assertThatThrownBy(() -> plans.asWorker(fh, Tasks.AGREE_PLAN, Map.of("planAgreedOn", "2026-12-21",
                "planParticipants", "Mother, child, school", "planNeeds", "Routines and school attendance")))
                .hasMessageContaining("planAgreedOn");
        plans.asWorker(fh, Tasks.AGREE_PLAN, Map.of("planAgreedOn", "2026-12-22", "planParticipants", "Mother, child, school",
                "planNeeds", "Routines and school attendance"));
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("agreed_on", java.sql.Date.valueOf("2026-12-22"));

        // First review within 3 months of the start: 22 March 2027; reminded 10 working days before
        // (8 March, 09:00); the service manager 5 working days after, past Easter 2027 (31 March, BST).
        assertThat(plans.timerDue(fh, Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-03-22T23:59:59Z"));
        assertThat(plans.timerDue(fh, Elements.REVIEW_REMINDER)).isEqualTo(Instant.parse("2027-03-08T09:00:00Z"));
        assertThat(plans.timerDue(fh, Elements.REVIEW_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-03-31T22:59:59Z"));
        plans.fire(fh, Elements.REVIEW_REMINDER);
        plans.fire(fh, Elements.REVIEW_DUE);
        plans.fire(fh, Elements.REVIEW_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "FAMILY_HELP_REVIEW")).extracting(e -> e.split(" ")[0])
                .containsExactly("REMINDER", "TEAM_MANAGER", "SERVICE_MANAGER");

        // Held late on Thursday 25 March: the reason is required, and the next review counts from that day.
        at("2027-03-25T12:00");
        assertThatThrownBy(() -> plans.asManager(fh, Tasks.HOLD_REVIEW, review("2027-03-25", "CONTINUE")))
                .hasMessageContaining("lateReason");
        var late = review("2027-03-25", "CONTINUE");
        late.put("lateReason", "The family asked to move it after the school holiday");
        plans.asManager(fh, Tasks.HOLD_REVIEW, late);
        assertThat(plans.timerDue(fh, Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-06-25T22:59:59Z"));
        assertThat(drive.task(fh, Tasks.HOLD_REVIEW).getDueDate().toInstant()).isEqualTo(Instant.parse("2027-06-25T22:59:59Z"));

        at("2027-06-10T12:00");
        plans.asManager(fh, Tasks.HOLD_REVIEW, review("2027-06-10", "CLOSE"));
        assertThat(plans.endedAt(fh)).isEqualTo(Elements.END_CLOSED);
        assertThat(drive.caseOutcome(c.caseRef())).isEqualTo("FAMILY_HELP_CLOSED");
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("CLOSED");
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("ending", "CLOSE")
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-06-10"));
        assertThat(tasks.createTaskQuery().processInstanceId(fh).count()).isZero();
    }

    @Test
    void theLeadPractitionerVisitsTheChildEveryTwentyWorkingDaysFromThePreviousVisitUntilThePlanEnds() {
        ContactRegistered c = onFamilyHelp();
        String fh = plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery().processInstanceId(fh).singleResult())
                .isWaitingAt(Tasks.AGREE_PLAN, Tasks.RECORD_VISIT, Tasks.HOLD_REVIEW);

        // The first visit within 20 working days of the plan's start on 22 December 2026: 23, 24, 29, 30, 31 December
        // (Christmas, the Boxing Day substitute and New Year's Day skipped), 4-8, 11-15, 18-22 January: Friday 22 January;
        // the lead practitioner reminded the working day before; the service manager 5 working days after (25-29 January).
        var visit = drive.task(fh, Tasks.RECORD_VISIT);
        assertThat(visit.getAssignee()).isEqualTo("worker.north");
        assertThat(visit.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-22T23:59:59Z"));
        assertThat(plans.timerDue(fh, Elements.VISIT_REMINDER)).isEqualTo(Instant.parse("2027-01-21T09:00:00Z"));
        assertThat(plans.timerDue(fh, Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-01-22T23:59:59Z"));
        assertThat(plans.timerDue(fh, Elements.VISIT_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-01-29T23:59:59Z"));

        // The visit slips through the whole ladder.
        at("2027-01-21T09:05");
        plans.fire(fh, Elements.VISIT_REMINDER);
        at("2027-01-23T00:05");
        plans.fire(fh, Elements.VISIT_DUE);
        at("2027-01-30T00:05");
        plans.fire(fh, Elements.VISIT_SERVICE_MANAGER);
        assertThat(plans.escalations(c.caseId(), "FAMILY_HELP_VISIT")).containsExactly("REMINDER worker.north",
                "TEAM_MANAGER manager.north", "SERVICE_MANAGER group:service-manager");

        // Made late on Monday 1 February: the reason is required; the next visit is 20 working days from the visit
        // (2-5, 8-12, 15-19, 22-26 February, 1 March).
        at("2027-02-01T12:00");
        assertThatThrownBy(() -> plans.asWorker(fh, Tasks.RECORD_VISIT, PlanDriver.visit("2027-02-01"))).hasMessageContaining("lateReason");
        var late = PlanDriver.visit("2027-02-01");
        late.put("lateReason", "The family were away; seen at school the day they came back");
        plans.asWorker(fh, Tasks.RECORD_VISIT, late);
        assertThat(plans.timerDue(fh, Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-03-01T23:59:59Z"));
        assertThat(drive.task(fh, Tasks.RECORD_VISIT).getDueDate().toInstant()).isEqualTo(Instant.parse("2027-03-01T23:59:59Z"));

        // A visit cannot be dated before the one it follows; made on time on 24 February, the next is due 24 March
        // (25, 26 February, 1-5, 8-12, 15-19, 22-24 March), before the clocks go forward; the service manager on 2 April
        // (25, 30, 31 March, 1, 2 April: Good Friday and Easter Monday skipped, BST).
        at("2027-02-24T16:00");
        assertThatThrownBy(() -> plans.asWorker(fh, Tasks.RECORD_VISIT, PlanDriver.visit("2027-01-29"))).hasMessageContaining("visitedOn");
        plans.asWorker(fh, Tasks.RECORD_VISIT, PlanDriver.visit("2027-02-24"));
        assertThat(plans.timerDue(fh, Elements.VISIT_REMINDER)).isEqualTo(Instant.parse("2027-03-23T09:00:00Z"));
        assertThat(plans.timerDue(fh, Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-03-24T23:59:59Z"));
        assertThat(plans.timerDue(fh, Elements.VISIT_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-04-02T22:59:59Z"));

        // The plan ends at a review: the visit still to come is cancelled and its clock stopped with it.
        at("2027-03-10T12:00");
        plans.asManager(fh, Tasks.HOLD_REVIEW, review("2027-03-10", "STEP_DOWN"));
        assertThat(plans.endedAt(fh)).isEqualTo(Elements.END_STEPPED_DOWN);
        assertThat(tasks.createTaskQuery().processInstanceId(fh).count()).isZero();
        assertThat(queries.plansOf(c.caseId())).filteredOn(p -> p.kind().equals("FH")).singleElement()
                .satisfies(p -> assertThat(p.items()).extracting(i -> i.kind() + " " + i.number() + " " + i.status())
                        .containsExactlyInAnyOrder("VISIT 1 MET_LATE", "VISIT 2 MET", "VISIT 3 CANCELLED", "REVIEW 1 MET"));
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("ending", "STEP_DOWN");
    }

    @SuppressWarnings("rawtypes")
    private org.springframework.http.ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void concernsOfSignificantHarmBetweenFamilyHelpReviewsStepThePlanUpAtOnce() {
        ContactRegistered c = onFamilyHelp();
        String fh = plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID);
        String path = "/api/cases/" + c.caseRef() + "/family-help-plan/step-up";
        String reason = "Bruising seen at school " + java.util.UUID.randomUUID();
        at("2027-01-12T14:00");

        // Team-scoped: another team's worker is refused; a missing reason is named; an unknown case is not found.
        assertThat(post("worker.south", path, Map.of("reason", reason)).getStatusCode().value()).isEqualTo(403);
        var missing = post("worker.north", path, Map.of());
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat((java.util.List<Map<String, String>>) missing.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactly("reason");
        assertThat(post("worker.north", "/api/cases/CSC-1999-999999/family-help-plan/step-up", Map.of("reason", reason))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID)).as("nothing changed").isEqualTo(fh);

        var stepped = post("worker.north", path, Map.of("reason", reason));

        assertThat(stepped.getStatusCode().value()).isEqualTo(200);
        assertThat(plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID)).isNull();
        assertThat(plans.passed(fh, Elements.END_STEPPED_UP_BETWEEN_REVIEWS)).isTrue();
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("ending", "STEP_UP").containsEntry("ending_reason", reason)
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-01-12")).containsEntry("ended_by", "worker.north");
        assertThat(drive.caseOutcome(c.caseRef())).isEqualTo("STEPPED_UP_TO_STRATEGY_DISCUSSION");
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("STRATEGY_DISCUSSION");
        // The referral route's strategy discussion, for the same case, with the allocated worker.
        String route = (String) stepped.getBody().get("processInstanceId");
        assertThat(route).isEqualTo(plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID)).isNotEqualTo(c.processInstanceId());
        assertThat(drive.task(route, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION).getAssignee()).isEqualTo("worker.north");
        // Nothing of the plan is left waiting: the agreement, the visit and the review ended with it, their clocks stopped.
        assertThat(tasks.createTaskQuery().processInstanceId(fh).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_item WHERE case_id = ? AND done_on IS NULL AND cancelled_on IS NULL",
                Integer.class, c.caseId())).isZero();
        // The reason is in the plan's record and the audit, never in the engine's history.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND user_id = 'worker.north' "
                + "AND detail = 'Family Help plan stepped up between reviews: strategy discussion'", Integer.class, c.caseRef())).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(fh).variableName("stepUpReason").includeDeleted().count())
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_varinst WHERE text_ = ? OR text2_ = ?", Integer.class, reason, reason))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_detail WHERE text_ = ? OR text2_ = ?", Integer.class, reason, reason))
                .isZero();

        // With no Family Help plan open, there is nothing to step up.
        var again = post("worker.north", path, Map.of("reason", reason));
        assertThat(again.getStatusCode().value()).isEqualTo(400);
        assertThat(again.getBody().get("problems").toString()).contains("caseRef").contains("has no open Family Help plan");
    }

    @ParameterizedTest(name = "a review that decides {0} ends at {1}")
    @CsvSource({"STEP_DOWN, EndEvent_FamilyHelpSteppedDown, FAMILY_HELP_STEPPED_DOWN, CLOSED",
            "STEP_UP, EndEvent_FamilyHelpSteppedUp, STEPPED_UP_TO_STRATEGY_DISCUSSION, STRATEGY_DISCUSSION"})
    void everyOtherEndingIsNamedOnTheCase(String decision, String endEvent, String outcome, String stage) {
        ContactRegistered c = onFamilyHelp();
        String fh = plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID);
        at("2027-02-10T12:00");
        plans.asManager(fh, Tasks.HOLD_REVIEW, review("2027-02-10", decision));
        assertThat(plans.endedAt(fh)).isEqualTo(endEvent);
        assertThat(drive.caseOutcome(c.caseRef())).isEqualTo(outcome);
        assertThat(drive.caseStage(c.caseRef())).isEqualTo(stage);
        // The plan that was never agreed ends with it: nothing is left waiting without an owner.
        assertThat(tasks.createTaskQuery().processInstanceId(fh).count()).isZero();
        if (decision.equals("STEP_UP")) {
            // Step up to child protection: the referral route's strategy discussion, under the case's own profile.
            String route = plans.instance(c.caseRef(), ReferralToAssessmentModel.PROCESS_ID);
            drive.task(route, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION);
        }
    }

    @Test
    void aFamilyHelpPlanFollowsASingleAssessmentUnderFamiliesFirstOnlyAndACaseKeepsItsProfile() {
        profiles.switchTo(GuidanceProfile.WT2023);
        ContactRegistered wt2023 = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        profiles.switchTo(GuidanceProfile.FAMILIES_FIRST);
        String pi = wt2023.processInstanceId();
        assertThatThrownBy(() -> drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT,
                assessment("2026-12-22", "2026-12-22", "FAMILY_HELP_PLAN")))
                .hasMessageContaining("recommendation").hasMessageContaining("Families First profile only");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CLOSE"));
        assertThatThrownBy(() -> drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT,
                authorisation("FAMILY_HELP_PLAN"))).hasMessageContaining("assessmentOutcome");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, authorisation("CLOSE"));
        assertThat(plans.endedAt(pi)).isEqualTo(ReferralToAssessmentModel.Elements.END_CLOSED_NO_FURTHER_ACTION);
    }
}
