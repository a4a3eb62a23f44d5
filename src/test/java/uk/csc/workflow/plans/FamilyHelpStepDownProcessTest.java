package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.plans.PlanDriver.review;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.Instant;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;

/**
 * Stepping down into Family Help (profile FAMILIES_FIRST only): a child in need plan's review, or a
 * child protection plan's review conference, ends the plan at a named end event and the Family Help
 * plan's process starts in the same transaction, counted from the day the review was held. Under
 * WT2010 and WT2023 the choice is refused, naming the field, and nothing changes. Dates are worked
 * out by hand from the England and Wales bank holidays (25 and 28 December 2026, 1 January, 26 and
 * 29 March 2027).
 */
@PostgresIntegrationTest
class FamilyHelpStepDownProcessTest {

    @Autowired
    PlanDriver plans;
    @Autowired
    GuidanceProfileSetting profiles;
    @Autowired
    PlanQueries queries;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    TaskService tasks;

    @AfterEach
    void backToTheConfiguredProfile() {
        profiles.switchTo(GuidanceProfile.WT2010);
    }

    private String running(ContactRegistered c, String processKey) {
        String pi = plans.instance(c.caseRef(), processKey);
        assertThat(pi).as("a running " + processKey + " for " + c.caseRef()).isNotNull();
        return pi;
    }

    @Test
    void aChildInNeedReviewStepsTheChildDownToFamilyHelpAcrossChristmas() {
        profiles.switchTo(GuidanceProfile.FAMILIES_FIRST);
        ContactRegistered c = plans.onChildInNeedPlan("2026-12-22");
        String cin = running(c, ChildInNeedPlanModel.PROCESS_ID);

        // Reviewed the next day, Wednesday 23 December: the needs are for Family Help. No census closure reason:
        // the child is still helped under s17.
        at("2026-12-23T15:00");
        plans.asManager(cin, ChildInNeedPlanModel.Tasks.HOLD_REVIEW, review("2026-12-23", "STEP_DOWN_TO_FAMILY_HELP"));

        assertThat(plans.endedAt(cin)).isEqualTo(ChildInNeedPlanModel.Elements.END_STEPPED_DOWN_TO_FAMILY_HELP);
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("ending", "STEP_DOWN_TO_FAMILY_HELP")
                .containsEntry("closure_reason", null).containsEntry("ended_on", java.sql.Date.valueOf("2026-12-23"));
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("STEPPED_DOWN_TO_FAMILY_HELP");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("FAMILY_HELP");
        // The child in need plan's clocks stopped; the Family Help plan's process started in the same transaction.
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.occurrence().startsWith("cin"))
                .allSatisfy(d -> assertThat(d.completedOn()).isNotNull());
        String fh = running(c, FamilyHelpPlanModel.PROCESS_ID);
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("source", "CIN_STEP_DOWN")
                .containsEntry("started_on", java.sql.Date.valueOf("2026-12-23"));

        // Counted from 23 December: agreed within 10 working days (24, 29, 30, 31 December, 4-8, 11 January);
        // the first visit within 20 (to Monday 25 January, reminded on Friday 22 January); the first review within
        // 3 months, 23 March 2027 (reminded 9 March; the service manager on 1 April, past Good Friday and Easter
        // Monday, BST).
        assertThat(plans.taskDue(fh, FamilyHelpPlanModel.Tasks.AGREE_PLAN)).isEqualTo(Instant.parse("2027-01-11T23:59:59Z"));
        assertThat(plans.drive.task(fh, FamilyHelpPlanModel.Tasks.AGREE_PLAN).getAssignee()).isEqualTo("worker.north");
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.VISIT_REMINDER)).isEqualTo(Instant.parse("2027-01-22T09:00:00Z"));
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-01-25T23:59:59Z"));
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.REVIEW_REMINDER)).isEqualTo(Instant.parse("2027-03-09T09:00:00Z"));
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-03-23T23:59:59Z"));
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.REVIEW_SERVICE_MANAGER))
                .isEqualTo(Instant.parse("2027-04-01T22:59:59Z"));
        assertThat(queries.plansOf(c.caseId())).extracting(PlanView::kind, PlanView::ending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CIN", "STEP_DOWN_TO_FAMILY_HELP"),
                        org.assertj.core.groups.Tuple.tuple("FH", null));
    }

    @Test
    void aReviewConferenceEndsAChildProtectionPlanInAFamilyHelpPlan() {
        profiles.switchTo(GuidanceProfile.FAMILIES_FIRST);
        ContactRegistered c = plans.onPlanFromConference("2026-12-22", "NEG");
        String cp = running(c, ChildProtectionPlanModel.PROCESS_ID);

        // The first review conference, on time on Monday 22 March 2027, ends the plan: step down to Family Help.
        at("2027-03-22T11:00");
        var ending = review("2027-03-22", "END_PLAN");
        ending.put("planEnding", "STEP_DOWN_TO_FAMILY_HELP");
        plans.asIro(cp, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, ending);

        assertThat(plans.endedAt(cp)).isEqualTo(ChildProtectionPlanModel.Elements.END_STEPPED_DOWN_TO_FAMILY_HELP_PLAN);
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("ending", "STEP_DOWN_TO_FAMILY_HELP")
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-03-22"));
        assertThat(plans.drive.caseOutcome(c.caseRef())).isEqualTo("STEPPED_DOWN_TO_FAMILY_HELP");
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("FAMILY_HELP");
        assertThat(plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID)).isNull();
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.occurrence().startsWith("cp"))
                .allSatisfy(d -> assertThat(d.completedOn()).isNotNull());
        String fh = running(c, FamilyHelpPlanModel.PROCESS_ID);
        assertThat(plans.latestPlan(c.caseId(), "FH")).containsEntry("source", "CP_STEP_DOWN")
                .containsEntry("started_on", java.sql.Date.valueOf("2027-03-22"));
        // From 22 March: the first visit within 20 working days (23-25, 30, 31 March, 1, 2, 5-9, 12-16, 19-21 April,
        // Easter skipped), the first review within 3 months (22 June), both in BST.
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.VISIT_DUE)).isEqualTo(Instant.parse("2027-04-21T22:59:59Z"));
        assertThat(plans.timerDue(fh, FamilyHelpPlanModel.Elements.REVIEW_DUE)).isEqualTo(Instant.parse("2027-06-22T22:59:59Z"));
    }

    @ParameterizedTest(name = "under {0} a child in need review cannot step down to Family Help")
    @EnumSource(value = GuidanceProfile.class, names = {"WT2010", "WT2023"})
    void theChildInNeedStepDownIsFamiliesFirstOnly(GuidanceProfile profile) {
        profiles.switchTo(profile);
        ContactRegistered c = plans.onChildInNeedPlan("2027-04-06");
        String cin = running(c, ChildInNeedPlanModel.PROCESS_ID);
        // The council moving to Families First later does not change a case that started before.
        profiles.switchTo(GuidanceProfile.FAMILIES_FIRST);
        at("2027-06-10T11:00");

        assertThatThrownBy(() -> plans.asManager(cin, ChildInNeedPlanModel.Tasks.HOLD_REVIEW, review("2027-06-10", "STEP_DOWN_TO_FAMILY_HELP")))
                .hasMessageContaining("reviewDecision").hasMessageContaining("Families First profile only");

        assertThat(plans.instance(c.caseRef(), ChildInNeedPlanModel.PROCESS_ID)).as("nothing changed").isEqualTo(cin);
        assertThat(tasks.createTaskQuery().processInstanceId(cin).taskDefinitionKey(ChildInNeedPlanModel.Tasks.HOLD_REVIEW).count()).isOne();
        assertThat(plans.latestPlan(c.caseId(), "CIN")).containsEntry("ending", null);
        assertThat(plans.instance(c.caseRef(), FamilyHelpPlanModel.PROCESS_ID)).isNull();
    }

    @ParameterizedTest(name = "under {0} a review conference cannot step down to Family Help")
    @EnumSource(value = GuidanceProfile.class, names = {"WT2010", "WT2023"})
    void theChildProtectionStepDownIsFamiliesFirstOnly(GuidanceProfile profile) {
        profiles.switchTo(profile);
        ContactRegistered c = plans.onPlanFromConference("2027-02-01", "PHY");
        String cp = running(c, ChildProtectionPlanModel.PROCESS_ID);
        at("2027-04-20T11:00");
        var ending = review("2027-04-20", "END_PLAN");
        ending.put("planEnding", "STEP_DOWN_TO_FAMILY_HELP");

        assertThatThrownBy(() -> plans.asIro(cp, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, ending))
                .hasMessageContaining("planEnding").hasMessageContaining("Families First profile only");

        assertThat(plans.instance(c.caseRef(), ChildProtectionPlanModel.PROCESS_ID)).as("nothing changed").isEqualTo(cp);
        assertThat(plans.latestPlan(c.caseId(), "CP")).containsEntry("ending", null);
        assertThat(plans.drive.caseStage(c.caseRef())).isEqualTo("CHILD_PROTECTION");
        // The other endings still work: a child in need plan.
        ending.put("planEnding", "STEP_DOWN_TO_CHILD_IN_NEED");
        plans.asIro(cp, ChildProtectionPlanModel.Tasks.HOLD_REVIEW_CONFERENCE, ending);
        assertThat(plans.endedAt(cp)).isEqualTo(ChildProtectionPlanModel.Elements.END_STEPPED_DOWN_TO_CHILD_IN_NEED_PLAN);
    }
}
