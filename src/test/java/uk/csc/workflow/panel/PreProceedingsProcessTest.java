package uk.csc.workflow.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.referral.ReferralDriver.assessment;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.authorisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.panel.PreProceedingsRecords.PreProceedings;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * Pre-proceedings with family group decision-making (Children Act 1989 s31ZA, inserted by the
 * Children's Wellbeing and Schools Act 2026 s1): every route of the offer through the panel's
 * legal route, with the FGDM_MEETING clock's exact dates and escalations, and the facts the CIN
 * census pre-proceedings block reads.
 */
@PostgresIntegrationTest
class PreProceedingsProcessTest {

    static final List<String> CHAIR = List.of("panel-chair");

    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    LegalProceedings legal;
    @Autowired
    PreProceedingsRecords records;

    record PanelCase(ContactRegistered contact, String pi) {
        long caseId() {
            return contact.caseId();
        }
    }

    @BeforeEach
    void mondayTwentyFirstOfDecember() {
        at("2026-12-21T10:00");
    }

    /** Referred to the panel by an initial assessment, heard on Tuesday 22 December, sent to the given legal route. */
    private PanelCase toTheLegalRoute(String route, String notOfferedReason) {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-21T09:00:00Z");
        drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-21", "2026-12-21", "PANEL"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("PANEL"));
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionIntoCarePanelModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).singleResult().getId();
        PanelCase p = new PanelCase(c, pi);
        drive.asManager(pi, ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, PanelProcessTest.request("PLO_PRE_PROCEEDINGS", null));
        at("2026-12-22T10:00");
        drive.fire(pi, ReceptionIntoCarePanelModel.Elements.SITTING_DAY);
        var decision = PanelProcessTest.decision("LEGAL_PROCEEDINGS");
        decision.put("legalRoute", route);
        if (notOfferedReason != null) {
            decision.put("fgdmNotOfferedReason", notOfferedReason);
        }
        drive.complete(pi, ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, decision);
        if (route.equals("PRE_PROCEEDINGS")) {
            drive.asWorker(pi, ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                    "legalAdvice", "Threshold crossed", "thresholdMet", "YES"));
        }
        return p;
    }

    private void letter(PanelCase p, String offered, String reason) {
        Map<String, Object> values = new HashMap<>(Map.of("letterSentOn", "2026-12-22", "fgdmOffered", offered));
        if (reason != null) {
            values.put("fgdmNotOfferedReason", reason);
        }
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.SEND_LETTER_BEFORE_PROCEEDINGS, values);
    }

    private PreProceedings record(PanelCase p) {
        List<PreProceedings> all = records.ofCase(p.caseId());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private boolean open(PanelCase p, String task) {
        return tasks.createTaskQuery().processInstanceId(p.pi()).taskDefinitionKey(task).count() == 1;
    }

    private String endOf(PanelCase p) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(p.pi()).singleResult();
        return instance.getEndTime() == null ? null : instance.getEndActivityId();
    }

    private DeadlineView deadline(PanelCase p, String rule) {
        return deadlines.deadlinesOf(p.caseId()).stream().filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void anAcceptedOfferIsHeldBeforeTheApplicationIsIssued() {
        PanelCase p = toTheLegalRoute("PRE_PROCEEDINGS", null);
        letter(p, "YES", null);
        // The answer is recorded within 5 working days of the letter (local standard FGDM_ANSWER):
        // from Tuesday 22 December past Christmas (25 and 28 December) to Thursday 31 December.
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING)).isFalse();

        at("2027-01-04T10:00");
        assertThatThrownBy(() -> drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER,
                Map.of("fgdmAnsweredOn", "2026-12-21", "fgdmAccepted", "YES")))
                .hasMessageContaining("fgdmAnsweredOn").hasMessageContaining("the letter that made the offer");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER, Map.of("fgdmAnsweredOn", "2027-01-04",
                "fgdmAccepted", "YES"));

        // Accepted on Monday 4 January 2027: the meeting within 20 working days (FGDM_MEETING) is due on
        // Monday 1 February; the worker is reminded 5 working days before (Monday 25 January, 09:00), the
        // service manager told 5 working days after (Monday 8 February).
        var meeting = drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING);
        assertThat(meeting.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-02-01T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_DUE)).isEqualTo(Instant.parse("2027-02-01T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_REMINDER)).isEqualTo(Instant.parse("2027-01-25T09:00:00Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_SERVICE_MANAGER))
                .isEqualTo(Instant.parse("2027-02-08T23:59:59Z"));
        assertThat(runtime.getVariable(p.pi(), "fgdmMeetingDueOn")).isEqualTo("2027-02-01");
        assertThat(deadline(p, "FGDM_MEETING").startedOn()).isEqualTo(LocalDate.parse("2027-01-04"));
        // The legal route waits for the meeting: no pre-proceedings decision and no application meanwhile.
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING)).isFalse();
        assertThat(record(p).courtApplicationOn()).isNull();

        at("2027-01-20T12:00");
        assertThatThrownBy(() -> drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING,
                Map.of("fgdmMeetingResult", "HELD", "fgdmSummary", "Aunt offered to help")))
                .hasMessageContaining("fgdmHeldOn").hasMessageContaining("fgdmOutcome");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING, Map.of("fgdmMeetingResult", "HELD",
                "fgdmHeldOn", "2027-01-19", "fgdmOutcome", "NO_FAMILY_PLAN", "fgdmSummary", "No one in the network able to care"));
        assertThat(deadline(p, "FGDM_MEETING").status().name()).isEqualTo("MET");

        // The pre-proceedings meeting opens on Wednesday 20 January: 10 working days is Wednesday 3 February.
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2027-02-03T23:59:59Z"));
        at("2027-01-27T12:00");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING, Map.of("meetingHeldOn", "2027-01-27",
                "preProceedingsOutcome", "ISSUE_PROCEEDINGS", "outcomeReason", "No safe family plan"));
        drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS);

        PreProceedings r = record(p);
        assertThat(r.route()).isEqualTo("PRE_PROCEEDINGS");
        assertThat(r.caseRef()).isEqualTo(p.contact().caseRef());
        assertThat(r.startedOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.letterSentOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.fgdmOffered()).isTrue();
        assertThat(r.fgdmOfferedOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.fgdmNotOfferedReason()).isNull();
        assertThat(r.fgdmAccepted()).isTrue();
        assertThat(r.fgdmAnsweredOn()).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(r.fgdmHeldOn()).isEqualTo(LocalDate.parse("2027-01-19"));
        assertThat(r.fgdmOutcome()).isEqualTo("NO_FAMILY_PLAN");
        assertThat(r.meetingHeldOn()).isEqualTo(LocalDate.parse("2027-01-27"));
        assertThat(r.decision()).isEqualTo("ISSUE_PROCEEDINGS");
        assertThat(r.courtApplicationOn()).isEqualTo(LocalDate.parse("2027-01-27"));
        assertThat(r.familyGroupDecisionSettled()).isTrue();

        // The census reads the routes open in its year: this one is in 2026-27, not in 2025-26.
        assertThat(records.openBetween(LocalDate.parse("2026-04-01"), LocalDate.parse("2027-03-31")))
                .extracting(PreProceedings::caseId).contains(p.caseId());
        assertThat(records.openBetween(LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31")))
                .extracting(PreProceedings::caseId).doesNotContain(p.caseId());
        // No free text of the family's meeting is kept in the engine.
        assertThat(runtime.getVariables(p.pi())).doesNotContainKeys("fgdmSummary", "fgdmNotOfferedReason", "fgdmHeldOn", "fgdmOutcome");
        assertThat(jdbc.queryForList("SELECT step || ' ' || outcome FROM legal_step WHERE case_id = ? AND step LIKE 'FGDM%' ORDER BY id",
                String.class, p.caseId())).containsExactly("FGDM_ANSWER FGDM_ACCEPTED", "FGDM_MEETING NO_FAMILY_PLAN");
    }

    @Test
    void aLetterWithoutTheOfferMustSayWhyItIsNotInTheChildsBestInterests() {
        PanelCase p = toTheLegalRoute("PRE_PROCEEDINGS", null);
        assertThatThrownBy(() -> letter(p, "NO", null)).hasMessageContaining("fgdmNotOfferedReason")
                .hasMessageContaining("best interests");
        letter(p, "NO", "Violence to the mother within the family network");
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER)).isFalse();
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                "preProceedingsOutcome", "STEP_DOWN", "outcomeReason", "Parents engaged with the plan"));
        assertThat(endOf(p)).isEqualTo(ReceptionIntoCarePanelModel.Elements.END_STEPPED_DOWN_FROM_PROCEEDINGS);

        PreProceedings r = record(p);
        assertThat(r.fgdmOffered()).isFalse();
        assertThat(r.fgdmOfferedOn()).isNull();
        assertThat(r.fgdmNotOfferedReason()).isEqualTo("Violence to the mother within the family network");
        assertThat(r.fgdmAccepted()).isNull();
        assertThat(r.decision()).isEqualTo("STEP_DOWN");
        assertThat(r.decidedOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.courtApplicationOn()).isNull();
        assertThat(deadlines.deadlinesOf(p.caseId())).extracting(DeadlineView::rule).doesNotContain("FGDM_MEETING");
    }

    @Test
    void aRefusedOfferGoesOnToThePreProceedingsMeeting() {
        PanelCase p = toTheLegalRoute("PRE_PROCEEDINGS", null);
        letter(p, "YES", null);
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER, Map.of("fgdmAnsweredOn", "2026-12-22",
                "fgdmAccepted", "NO"));
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING)).isFalse();
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING)).isTrue();
        PreProceedings r = record(p);
        assertThat(r.fgdmOffered()).isTrue();
        assertThat(r.fgdmAccepted()).isFalse();
        assertThat(r.fgdmAnsweredOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.familyGroupDecisionSettled()).isTrue();
    }

    @ParameterizedTest(name = "an accepted meeting not held: {0}")
    @CsvSource({"NOT_HELD_BEST_INTERESTS, New information about risk from the uncle", "FAMILY_WITHDREW, The parents withdrew"})
    void anAcceptedMeetingThatIsNotHeldRecordsWhy(String result, String summary) {
        PanelCase p = toTheLegalRoute("PRE_PROCEEDINGS", null);
        letter(p, "YES", null);
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER, Map.of("fgdmAnsweredOn", "2026-12-22",
                "fgdmAccepted", "YES"));
        at("2027-01-06T10:00");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING, Map.of("fgdmMeetingResult", result,
                "fgdmSummary", summary));
        PreProceedings r = record(p);
        assertThat(r.fgdmHeldOn()).isNull();
        assertThat(r.fgdmOutcome()).isEqualTo(result);
        assertThat(r.familyGroupDecisionSettled()).isTrue();
        // The clock stops on the day the decision is recorded (Wednesday 6 January, before its due date).
        assertThat(deadline(p, "FGDM_MEETING").completedOn()).isEqualTo(LocalDate.parse("2027-01-06"));
        assertThat(deadline(p, "FGDM_MEETING").status().name()).isEqualTo("MET");
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING)).isTrue();
    }

    @Test
    void theFamilyGroupMeetingClockEscalatesToTheTeamManagerThenTheServiceManager() {
        PanelCase p = toTheLegalRoute("PRE_PROCEEDINGS", null);
        letter(p, "YES", null);
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER, Map.of("fgdmAnsweredOn", "2026-12-22",
                "fgdmAccepted", "YES"));
        // Accepted on Tuesday 22 December: due Friday 22 January 2027 (20 working days past 25 and
        // 28 December and 1 January); reminder Friday 15 January 09:00, service manager Friday 29 January.
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_DUE)).isEqualTo(Instant.parse("2027-01-22T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_REMINDER)).isEqualTo(Instant.parse("2027-01-15T09:00:00Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_SERVICE_MANAGER))
                .isEqualTo(Instant.parse("2027-01-29T23:59:59Z"));
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_REMINDER);
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_DUE);
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.FGDM_MEETING_SERVICE_MANAGER);
        assertThat(jdbc.queryForList("SELECT level FROM escalation WHERE case_id = ? AND rule = 'FGDM_MEETING' ORDER BY id",
                String.class, p.caseId())).containsExactly("REMINDER", "TEAM_MANAGER", "SERVICE_MANAGER");
        // The task stays with the worker; the route still waits for the meeting.
        assertThat(open(p, ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING)).isTrue();

        // Meanwhile nothing issues proceedings: s31ZA(2) wants the accepted meeting held first.
        long requestId = ((Number) runtime.getVariable(p.pi(), "requestId")).longValue();
        assertThatThrownBy(() -> legal.issueProceedings(p.caseId(), requestId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s31ZA(2)");
        assertThat(record(p).courtApplicationOn()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM legal_step WHERE case_id = ? AND step = 'PROCEEDINGS_ISSUED'",
                Integer.class, p.caseId())).isZero();
    }

    @Test
    void issuingNowRecordsWhyNoMeetingIsOffered() {
        assertThatThrownBy(() -> toTheLegalRoute("ISSUE", null)).hasMessageContaining("fgdmNotOfferedReason");
        at("2026-12-21T10:00");
        PanelCase p = toTheLegalRoute("ISSUE", "Immediate risk of serious harm: the hearing cannot wait for a family meeting");
        drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS);
        PreProceedings r = record(p);
        assertThat(r.route()).isEqualTo("ISSUE");
        assertThat(r.startedOn()).isNull();
        assertThat(r.fgdmOffered()).isFalse();
        assertThat(r.fgdmNotOfferedReason()).startsWith("Immediate risk of serious harm");
        assertThat(r.courtApplicationOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(records.openBetween(LocalDate.parse("2026-12-22"), LocalDate.parse("2026-12-22")))
                .extracting(PreProceedings::caseId).contains(p.caseId());
    }

    @Test
    void aThresholdNotMetEndsThePreProceedingsRecord() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-21T09:00:00Z");
        drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-21", "2026-12-21", "PANEL"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("PANEL"));
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionIntoCarePanelModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).singleResult().getId();
        drive.asManager(pi, ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, PanelProcessTest.request("PLO_PRE_PROCEEDINGS", null));
        at("2026-12-22T10:00");
        drive.fire(pi, ReceptionIntoCarePanelModel.Elements.SITTING_DAY);
        var decision = PanelProcessTest.decision("LEGAL_PROCEEDINGS");
        decision.put("legalRoute", "PRE_PROCEEDINGS");
        drive.complete(pi, ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, decision);
        drive.asWorker(pi, ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                "legalAdvice", "Not crossed", "thresholdMet", "NO"));
        PreProceedings r = records.ofCase(c.caseId()).get(0);
        assertThat(r.decision()).isEqualTo("THRESHOLD_NOT_MET");
        assertThat(r.decidedOn()).isEqualTo(LocalDate.parse("2026-12-22"));
        assertThat(r.letterSentOn()).isNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(ReceptionIntoCarePanelModel.Elements.END_THRESHOLD_NOT_MET);
    }
}
