package uk.csc.workflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.assessment;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.authorisation;
import static uk.csc.workflow.referral.ReferralDriver.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;

/** The reminder and both escalation levels, fired by the statutory timers of every clock in the route. */
@PostgresIntegrationTest
class EscalationLadderTest {

    @Autowired
    ReferralDriver drive;
    @Autowired
    EscalationService escalations;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    GuidanceProfileSetting profiles;

    @BeforeEach
    void december() {
        at("2026-12-22T10:00");
    }

    @AfterEach
    void reset() {
        profiles.switchTo(GuidanceProfile.WT2010);
    }

    private List<Map<String, Object>> escalationsOf(ContactRegistered c) {
        return jdbc.queryForList("SELECT rule, level, notified, due_on FROM escalation WHERE case_id = ? ORDER BY id", c.caseId());
    }

    @Test
    void aMissedInitialAssessmentRemindsTheWorkerThenEscalatesTwice() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();

        at("2027-01-04T09:00");
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT).getPriority()).isEqualTo(50);
        drive.fire(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_REMINDER);
        // The worker's task now sorts first in Tasklist.
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT).getPriority()).isEqualTo(75);
        at("2027-01-06T00:00");
        drive.fire(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_DUE);
        at("2027-01-13T00:00");
        drive.fire(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_SERVICE_MANAGER);

        assertThat(escalationsOf(c)).extracting(e -> e.get("level") + " " + e.get("notified") + " " + e.get("due_on"))
                .containsExactly("REMINDER worker.north 2027-01-05", "TEAM_MANAGER manager.north 2027-01-05",
                        "SERVICE_MANAGER group:service-manager 2027-01-05");
        // The worker's task is still open: the engine keeps running the case.
        drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT);

        Task managerTask = tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef())
                .taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION).taskCandidateUser("manager.north").singleResult();
        assertThat(managerTask).as("the team manager's escalation task").isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef()).taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION)
                .taskCandidateGroup("service-manager").count()).isEqualTo(1);
        assertThat(escalations.list(true, "team-north", new CurrentUser("manager.north", java.util.Set.of("team-manager", "team-north"))))
                .filteredOn(e -> e.caseRef().equals(c.caseRef())).hasSize(2)
                .extracting(EscalationView::processInstanceId).containsOnly(pi);
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("INITIAL_ASSESSMENT");
        assertThat(jdbc.queryForObject("SELECT completed_on FROM statutory_deadline WHERE case_id = ? AND rule = 'INITIAL_ASSESSMENT'",
                java.sql.Date.class, c.caseId())).isNull();

        // The manager acknowledges and resolves it in Tasklist.
        drive.identityAs("manager.north", List.of("team-manager", "team-north"), () -> {
            tasks.complete(managerTask.getId(), Map.of("acknowledgementNote", "Spoke to the worker; visit booked"));
            Task resolve = tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef())
                    .taskDefinitionKey(StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION).taskCandidateUser("manager.north").singleResult();
            tasks.complete(resolve.getId(), Map.of("resolution", "Assessment completed on 7 January"));
        });
        var record = jdbc.queryForMap("""
                SELECT acknowledged_by, acknowledgement_note, resolved_by, resolution FROM escalation
                WHERE case_id = ? AND level = 'TEAM_MANAGER'""", c.caseId());
        assertThat(record).containsEntry("acknowledged_by", "manager.north").containsEntry("resolved_by", "manager.north")
                .containsEntry("acknowledgement_note", "Spoke to the worker; visit booked")
                .containsEntry("resolution", "Assessment completed on 7 January");
        assertThat(escalations.list(true, "team-north", CurrentUser.SYSTEM)).filteredOn(e -> e.caseRef().equals(c.caseRef()))
                .extracting(EscalationView::level).containsExactly(EscalationLevel.SERVICE_MANAGER);
    }

    @Test
    void raisingTwiceStillMakesOneEscalation() {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));

        var first = escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER);
        var second = escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER);

        assertThat(second).isEqualTo(first);
        assertThat(escalationsOf(c)).hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef()).taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION).count())
                .isEqualTo(1);
    }

    @Test
    void twoNodesRacingRaiseOneEscalation() throws Exception {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            results.add(nodes.submit(() -> {
                go.await();
                return transactions.execute(s -> escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.SERVICE_MANAGER));
            }));
        }
        go.countDown();
        int failed = 0;
        for (Future<?> result : results) {
            try {
                result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // The loser's job fails on the unique constraint and is retried by the engine.
                failed++;
            }
        }
        nodes.shutdown();

        assertThat(escalationsOf(c)).hasSize(1);
        assertThat(failed).isLessThanOrEqualTo(1);
        // The retry of the losing job finds the escalation and changes nothing.
        escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.SERVICE_MANAGER);
        assertThat(escalationsOf(c)).hasSize(1);
    }

    @Test
    void aClockAlreadyStoppedRaisesNothing() {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "ACCEPT_REFERRAL"));

        assertThat(escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER)).isEmpty();
        assertThat(escalationsOf(c)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Screening, REFERRAL_DECISION", "ReferralDecision, REFERRAL_DECISION", "InitialAssessment, INITIAL_ASSESSMENT",
            "CoreAssessment, CORE_ASSESSMENT", "SingleAssessment, SINGLE_ASSESSMENT", "ChildProtectionEnquiry, ICPC"})
    void everyStatutoryClockHasTheWholeLadder(String clock, String rule) {
        ContactRegistered c = caseWaitingAt(clock);
        String pi = c.processInstanceId();

        drive.fire(pi, "BoundaryEvent_" + clock + "Reminder");
        drive.fire(pi, "BoundaryEvent_" + clock + "Due");
        drive.fire(pi, "BoundaryEvent_" + clock + "ServiceManager");

        assertThat(escalationsOf(c)).filteredOn(e -> e.get("rule").equals(rule)).extracting(e -> e.get("level"))
                .containsExactly("REMINDER", "TEAM_MANAGER", "SERVICE_MANAGER");
    }

    private ContactRegistered caseWaitingAt(String clock) {
        if (clock.equals("Screening")) {
            return drive.receive(contact("CHILD_IN_NEED", true, false, true, "2026-12-22T09:15:00Z"));
        }
        if (clock.equals("ReferralDecision")) {
            return drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        }
        if (clock.equals("SingleAssessment")) {
            profiles.switchTo(GuidanceProfile.WT2023);
        }
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        if (clock.equals("CoreAssessment")) {
            drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CORE_ASSESSMENT"));
            drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("CORE_ASSESSMENT"));
        }
        if (clock.equals("ChildProtectionEnquiry")) {
            drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "STRATEGY_DISCUSSION"));
            drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("STRATEGY_DISCUSSION"));
            drive.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2026-12-22",
                    "strategyAttendees", "Police", "strategyDecision", "START_S47", "strategyReason", "Concern"));
        }
        return c;
    }
}
