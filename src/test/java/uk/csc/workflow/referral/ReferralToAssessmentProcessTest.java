package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.csc.workflow.referral.ReferralDriver.assessment;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.authorisation;
import static uk.csc.workflow.referral.ReferralDriver.contact;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineStatus;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;

/** Every route of referralToAssessment.bpmn through the real engine on PostgreSQL. */
@PostgresIntegrationTest
class ReferralToAssessmentProcessTest {

    @Autowired
    ReferralDriver drive;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    GuidanceProfileSetting profiles;

    @BeforeEach
    void startOnTheTwentySecondOfDecember() {
        BpmnAwareTests.init(engine);
        at("2026-12-22T10:00");
    }

    @AfterEach
    void resetProfile() {
        profiles.switchTo(GuidanceProfile.WT2010);
    }

    /** The engine may refuse (authorization) or our listener may (role); either way the deepest cause says so. */
    private static Throwable deepest(Throwable thrown) {
        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private List<DeadlineView> deadlinesOf(ContactRegistered c) {
        return deadlines.deadlinesOf(c.caseId());
    }

    private DeadlineView deadline(ContactRegistered c, String rule) {
        return deadlinesOf(c).stream().filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    private void assertEndedAt(ContactRegistered c, String endEvent, String outcome) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
        assertThat(instance.getEndActivityId()).isEqualTo(endEvent);
        assertThat(drive.caseOutcome(c.caseRef())).isEqualTo(outcome);
        assertThat(drive.caseStage(c.caseRef())).isEqualTo(CaseOutcome.valueOf(outcome).nextStage().name());
        assertThat(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM care_case WHERE id = ?", Boolean.class, c.caseId()))
                .isEqualTo(CaseOutcome.valueOf(outcome).closesCase());
    }

    @Test
    void aReferralOnTheTwentySecondOfDecemberRunsToAChildInNeedPlanWithExactDeadlines() {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        String pi = c.processInstanceId();

        assertThat(c.caseRef()).matches("CSC-2026-\\d{6}");
        assertThat(c.team()).isEqualTo("team-north");
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION)
                .hasPassed(ReferralToAssessmentModel.Elements.CLASSIFY_CONTACT)
                .variables().containsEntry("proposedResponse", "ASSESSMENT").containsEntry("caseRef", c.caseRef())
                .doesNotContainKey("childFirstName");
        // The referral decision is due by the end of the next working day: 23 December.
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.REFERRAL_DECISION_REMINDER)).isEqualTo(Instant.parse("2026-12-22T09:00:00Z"));
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE)).isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        // Five working days after 23 December: 24, 29, 30, 31 December and 4 January.
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.REFERRAL_DECISION_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-01-04T23:59:59Z"));

        drive.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "ACCEPT_REFERRAL"));
        // Allocation (local standard ALLOCATION): by the end of the next working day after the decision.
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));

        // Initial assessment: 7 working days from 22 December skipping 25, 28 December and 1 January.
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT).getAssignee()).isEqualTo("worker.north");
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2027-01-05T23:59:59Z"));
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_REMINDER)).isEqualTo(Instant.parse("2027-01-04T09:00:00Z"));
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_DUE)).isEqualTo(Instant.parse("2027-01-05T23:59:59Z"));
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-01-12T23:59:59Z"));
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("INITIAL_ASSESSMENT");

        at("2027-01-04T15:00");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-23", "2027-01-04", "CHILD_IN_NEED_PLAN"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("RETURN_TO_WORKER"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-23", "2027-01-04", "CHILD_IN_NEED_PLAN"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("CHILD_IN_NEED_PLAN"));

        assertEndedAt(c, ReferralToAssessmentModel.Elements.END_CHILD_IN_NEED_PLAN, "CHILD_IN_NEED_PLAN");
        // The child in need plan started with the route's end on 4 January: its first visit within 20 working days
        // (1 February) and its first review within 3 months (4 April) are running.
        assertThat(deadlinesOf(c)).extracting(DeadlineView::rule, d -> d.dueOn().toString(), DeadlineView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REFERRAL_DECISION", "2026-12-23", DeadlineStatus.MET),
                        org.assertj.core.groups.Tuple.tuple("INITIAL_ASSESSMENT", "2027-01-05", DeadlineStatus.MET),
                        org.assertj.core.groups.Tuple.tuple("CIN_VISIT", "2027-02-01", DeadlineStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("CIN_PLAN_REVIEW", "2027-04-04", DeadlineStatus.OPEN));
        assertThat(jdbc.queryForObject("SELECT returned_count FROM assessment WHERE case_id = ?", Integer.class, c.caseId()))
                .isEqualTo(1);
        // Free text lives in the case tables, not in the engine (runtime or history).
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("summary").list()
                .stream().filter(v -> v.getValue() != null).toList()).isEmpty();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT summary FROM assessment WHERE case_id = ?", String.class, c.caseId()))
                .isEqualTo("Analysis of needs and risks");
    }

    @ParameterizedTest(name = "{0} ends at {1}")
    @CsvSource({
            "NO_FURTHER_ACTION, EndEvent_ClosedNoFurtherAction, CLOSED_NO_FURTHER_ACTION",
            "INFORMATION_AND_ADVICE, EndEvent_ClosedInformationAndAdvice, CLOSED_INFORMATION_AND_ADVICE",
            "EARLY_HELP, EndEvent_SteppedDownToEarlyHelp, STEPPED_DOWN_TO_EARLY_HELP"})
    void aContactThatIsNotAReferralEndsWithItsOutcome(String decision, String endEvent, String outcome) {
        ContactRegistered c = drive.receive(contact("LOW_LEVEL_NEED", false, false, true, "2026-12-22T09:15:00Z"));

        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", decision, "decisionReason", "Manager's judgement"));

        assertEndedAt(c, endEvent, outcome);
        assertThat(deadline(c, "REFERRAL_DECISION").status()).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void overridingTheProposedResponseNeedsAReason() {
        ContactRegistered c = drive.receive(contact("LOW_LEVEL_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        String pi = c.processInstanceId();
        assertThat(drive.runtime.getVariable(pi, "proposedResponse")).isEqualTo("EARLY_HELP");

        assertThatThrownBy(() -> drive.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "ACCEPT_REFERRAL")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("decisionReason");

        // Nothing was written and the task is still open.
        assertThat(jdbc.queryForObject("SELECT decision FROM contact WHERE id = ?", String.class, c.contactId())).isNull();
        drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "ACCEPT_REFERRAL", "decisionReason", "Third contact this year"));
        assertThat(jdbc.queryForObject("SELECT decision_reason FROM contact WHERE id = ?", String.class, c.contactId()))
                .isEqualTo("Third contact this year");
    }

    @Test
    void onlyAManagerMakesTheReferralDecision() {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));

        assertThat(deepest(catchThrowable(() -> drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION,
                Map.of("referralDecision", "ACCEPT_REFERRAL"))))).isInstanceOf(AuthorizationException.class);
        drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
    }

    @Test
    void anAssessmentCannotBeCompletedBeforeTheChildIsSeen() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        at("2027-01-04T15:00");

        assertThatThrownBy(() -> drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT,
                assessment("2027-01-04", "2026-12-30", "CLOSE")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("completedOn");
        var missingSeenDate = new HashMap<>(assessment("2027-01-04", "2027-01-04", "CLOSE"));
        missingSeenDate.remove("childSeenOn");
        assertThatThrownBy(() -> drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, missingSeenDate))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("childSeenOn: is required");

        assertThat(jdbc.queryForObject("SELECT completed_on FROM assessment WHERE case_id = ?", java.sql.Date.class, c.caseId())).isNull();
        drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT);
    }

    @ParameterizedTest(name = "initial assessment outcome {0}")
    @CsvSource({"CLOSE, EndEvent_ClosedNoFurtherAction, CLOSED_NO_FURTHER_ACTION",
            "PANEL, EndEvent_ReferredToPanel, REFERRED_TO_PANEL"})
    void initialAssessmentOutcomes(String outcome, String endEvent, String caseOutcome) {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        at("2027-01-06T10:00");
        drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-23", "2027-01-06", outcome));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation(outcome));

        assertEndedAt(c, endEvent, caseOutcome);
        // Authorised on 6 January, a day after the due date: met, but late.
        assertThat(deadline(c, "INITIAL_ASSESSMENT").status()).isEqualTo(DeadlineStatus.MET_LATE);
    }

    @Test
    void aCoreAssessmentTransfersToCareManagementOnlyWithCriteria() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        at("2026-12-30T10:00");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-23", "2026-12-30", "CORE_ASSESSMENT"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("CORE_ASSESSMENT"));

        // 35 working days from 30 December 2026: 31 Dec, then 34 more in January and February.
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.CORE_ASSESSMENT_DUE)).isEqualTo(Instant.parse("2027-02-18T23:59:59Z"));
        assertThat(drive.runtime.getVariable(pi, "assessmentDueOn")).isEqualTo("2027-02-18");

        at("2027-02-10T10:00");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, assessment("2027-01-05", "2027-02-10", "CARE_MANAGEMENT"));
        assertThatThrownBy(() -> drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, authorisation("CARE_MANAGEMENT")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("transferCriteria");
        assertThatThrownBy(() -> drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, authorisation("CORE_ASSESSMENT")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("assessmentOutcome");

        var transfer = new HashMap<String, Object>(authorisation("CARE_MANAGEMENT"));
        transfer.put("transferCriteria", "Long-term plan needed; family engaged; criteria 2 and 4 met");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, transfer);

        assertEndedAt(c, ReferralToAssessmentModel.Elements.END_TRANSFERRED_TO_CARE_MANAGEMENT, "TRANSFERRED_TO_CARE_MANAGEMENT");
        assertThat(jdbc.queryForObject("SELECT transfer_criteria FROM assessment WHERE case_id = ? AND kind = 'CORE'", String.class,
                c.caseId())).contains("criteria 2 and 4");
        assertThat(deadline(c, "CORE_ASSESSMENT").status()).isEqualTo(DeadlineStatus.MET);
    }

    @ParameterizedTest(name = "core assessment outcome {0}")
    @CsvSource({"CLOSE, EndEvent_ClosedNoFurtherAction", "CHILD_IN_NEED_PLAN, EndEvent_ChildInNeedPlan",
            "PANEL, EndEvent_ReferredToPanel"})
    void coreAssessmentOutcomes(String outcome, String endEvent) {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CORE_ASSESSMENT"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("CORE_ASSESSMENT"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", outcome));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, authorisation(outcome));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(endEvent);
    }

    @Test
    void coreAndSingleAssessmentsCanBeReturnedToTheWorkerAndLeadToAStrategyDiscussion() {
        ContactRegistered core = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = core.processInstanceId();
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CORE_ASSESSMENT"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("CORE_ASSESSMENT"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, authorisation("RETURN_TO_WORKER"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, authorisation("STRATEGY_DISCUSSION"));
        drive.task(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION);
        assertThat(drive.caseStage(core.caseRef())).isEqualTo("STRATEGY_DISCUSSION");

        profiles.switchTo(GuidanceProfile.WT2023);
        ContactRegistered single = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String spi = single.processInstanceId();
        drive.asWorker(spi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CLOSE"));
        drive.asManager(spi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, authorisation("RETURN_TO_WORKER"));
        drive.asWorker(spi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "CLOSE"));
        drive.asManager(spi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, authorisation("CLOSE"));
        assertEndedAt(single, ReferralToAssessmentModel.Elements.END_CLOSED_NO_FURTHER_ACTION, "CLOSED_NO_FURTHER_ACTION");
    }

    @Test
    void s47EnquiryLeadsToAChildProtectionPlanWithItsCategory() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("STRATEGY_DISCUSSION"));

        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2026-12-22",
                "strategyAttendees", "Police, school, health visitor", "strategyDecision", "START_S47",
                "strategyReason", "Disclosure at school"));
        // ICPC within 15 working days of the strategy discussion on 22 December: 15 January 2027.
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.CHILD_PROTECTION_ENQUIRY_DUE)).isEqualTo(Instant.parse("2027-01-15T23:59:59Z"));
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY).getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-15T23:59:59Z"));

        at("2027-01-08T10:00");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY, Map.of("s47ConcludedOn", "2027-01-07",
                "s47Outcome", "CONCERNS_SUBSTANTIATED", "s47Reason", "Significant harm likely"));
        assertThatThrownBy(() -> drive.asManager(pi, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE,
                Map.of("conferenceHeldOn", "2027-01-08", "conferenceOutcome", "CP_PLAN")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("categoryOfAbuse");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE,
                Map.of("conferenceHeldOn", "2027-01-08", "conferenceOutcome", "CP_PLAN", "categoryOfAbuse", "EMO"));

        assertEndedAt(c, ReferralToAssessmentModel.Elements.END_CHILD_PROTECTION_PLAN, "CHILD_PROTECTION_PLAN");
        assertThat(jdbc.queryForObject("SELECT category_of_abuse FROM child_protection_enquiry WHERE case_id = ?", String.class,
                c.caseId())).isEqualTo("EMO");
        assertThat(deadline(c, "ICPC").dueOn()).hasToString("2027-01-15");
        assertThat(deadline(c, "ICPC").status()).isEqualTo(DeadlineStatus.MET);
    }

    @ParameterizedTest(name = "s47 {0} / conference {1} -> {2}")
    @CsvSource({"NOT_SUBSTANTIATED, , CHILD_IN_NEED_PLAN, EndEvent_ChildInNeedPlan",
            "CONCERNS_SUBSTANTIATED, NO_PLAN, CLOSE, EndEvent_ClosedNoFurtherAction"})
    void withoutAPlanTheNextStepIsExplicit(String s47, String conference, String nextStep, String endEvent) {
        ContactRegistered c = drive.receive(contact("SIGNIFICANT_HARM", false, false, false, "2026-12-22T09:15:00Z"));
        String pi = c.processInstanceId();
        assertThat(drive.runtime.getVariable(pi, "proposedResponse")).isEqualTo("STRATEGY_DISCUSSION");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2026-12-22",
                "strategyAttendees", "Police and health", "strategyDecision", "START_S47", "strategyReason", "Injury"));
        var s47Values = new HashMap<String, Object>(Map.of("s47ConcludedOn", "2026-12-22", "s47Outcome", s47, "s47Reason", "Enquiry done"));
        if (conference == null) {
            s47Values.put("nextStep", nextStep);
        }
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY, s47Values);
        if (conference != null) {
            drive.asManager(pi, ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE,
                    Map.of("conferenceHeldOn", "2026-12-22", "conferenceOutcome", conference, "nextStep", nextStep));
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(endEvent);
        assertThat(deadline(c, "ICPC").completedOn()).hasToString("2026-12-22");
    }

    @Test
    void aStrategyDiscussionWithoutS47ClosesExplicitly() {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, true, true, "2026-12-22T09:15:00Z"));
        String pi = c.processInstanceId();
        assertThat(drive.runtime.getVariable(pi, "proposedResponse")).isEqualTo("STRATEGY_DISCUSSION");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));

        assertThatThrownBy(() -> drive.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2026-12-22",
                "strategyAttendees", "Police", "strategyDecision", "NO_S47", "strategyReason", "Explained")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("nextStep");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", "2026-12-22",
                "strategyAttendees", "Police", "strategyDecision", "NO_S47", "strategyReason", "Explained", "nextStep", "CLOSE"));

        assertEndedAt(c, ReferralToAssessmentModel.Elements.END_CLOSED_NO_FURTHER_ACTION, "CLOSED_NO_FURTHER_ACTION");
    }

    @ParameterizedTest(name = "screening decision {0}")
    @CsvSource({"NO_FURTHER_ACTION, EndEvent_ClosedNoFurtherAction, CLOSED_NO_FURTHER_ACTION",
            "SIGNPOST, EndEvent_SignpostedForDomesticAbuse, SIGNPOSTED_TO_DOMESTIC_ABUSE_SERVICES",
            "REFER, , "})
    void policeNotificationsAreScreenedByThreeAgencies(String decision, String endEvent, String outcome) {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", true, false, true, "2026-12-22T09:15:00Z"));
        String pi = c.processInstanceId();
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_CONTRIBUTION, ReferralToAssessmentModel.Tasks.SOCIAL_CARE_CONTRIBUTION);
        assertThat(drive.task(pi, ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION).getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("MULTI_AGENCY_SCREENING");

        assertThat(deepest(catchThrowable(() -> drive.complete(pi, ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, "worker.north",
                List.of("practitioner", "team-north"), Map.of("information", "x", "riskLevel", "HIGH")))))
                .isInstanceOf(AuthorizationException.class);
        drive.complete(pi, ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, "mash.police", List.of("mash"), Map.of("information", "Two call-outs", "riskLevel", "MEDIUM"));
        drive.complete(pi, ReferralToAssessmentModel.Tasks.HEALTH_CONTRIBUTION, "mash.health", List.of("mash"), Map.of("information", "Missed appointments", "riskLevel", "STANDARD"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.SOCIAL_CARE_CONTRIBUTION, Map.of("information", "Not known", "riskLevel", "STANDARD"));
        drive.complete(pi, ReferralToAssessmentModel.Tasks.JOINT_SCREENING_DECISION, "mash.police", List.of("mash"),
                Map.of("screeningDecision", decision, "screeningReason", "Joint view of the three agencies"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM screening_contribution WHERE contact_id = ?", Integer.class, c.contactId()))
                .isEqualTo(3);
        if (endEvent == null) {
            drive.task(pi, ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
            assertThat(deadline(c, "REFERRAL_DECISION").status()).isEqualTo(DeadlineStatus.OPEN);
        } else {
            assertEndedAt(c, endEvent, outcome);
            assertThat(deadline(c, "REFERRAL_DECISION").status()).isEqualTo(DeadlineStatus.MET);
        }
    }

    @Test
    void underWt2023ASingleAssessmentOf45WorkingDaysReplacesInitialAndCore() {
        profiles.switchTo(GuidanceProfile.WT2023);
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();

        // 45 working days from 22 December 2026.
        assertThat(drive.timerDue(pi, ReferralToAssessmentModel.Elements.SINGLE_ASSESSMENT_DUE)).isEqualTo(Instant.parse("2027-02-26T23:59:59Z"));
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", "STRATEGY_DISCUSSION"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, authorisation("STRATEGY_DISCUSSION"));
        drive.task(pi, ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION);

        assertThat(deadlinesOf(c)).extracting(DeadlineView::rule).containsExactly("REFERRAL_DECISION", "SINGLE_ASSESSMENT");
        assertThat(jdbc.queryForObject("SELECT profile FROM care_case WHERE id = ?", String.class, c.caseId())).isEqualTo("WT2023");
    }

    @ParameterizedTest(name = "single assessment outcome {0}")
    @CsvSource({"CLOSE, EndEvent_ClosedNoFurtherAction", "CHILD_IN_NEED_PLAN, EndEvent_ChildInNeedPlan",
            "PANEL, EndEvent_ReferredToPanel", "CARE_MANAGEMENT, EndEvent_TransferredToCareManagement"})
    void singleAssessmentOutcomes(String outcome, String endEvent) {
        profiles.switchTo(GuidanceProfile.WT2023);
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-22T09:15:00Z");
        String pi = c.processInstanceId();
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, assessment("2026-12-22", "2026-12-22", outcome));
        var values = new HashMap<String, Object>(authorisation(outcome));
        values.put("transferCriteria", "Criteria recorded");
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, values);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(endEvent);
    }
}
