package uk.csc.workflow.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.csc.workflow.referral.ReferralDriver.assessment;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.authorisation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** Every branch of receptionIntoCarePanel.bpmn, from the referral route's hand-off to the child's first weeks in care. */
@PostgresIntegrationTest
class PanelProcessTest {

    static final List<String> CHAIR = List.of("panel-chair");
    static final List<String> SERVICE_MANAGER = List.of("service-manager");

    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    PanelRequests panel;
    @Autowired
    PanelDecisions decisions;

    record PanelCase(ContactRegistered contact, String pi) {
        long caseId() {
            return contact.caseId();
        }
    }

    @BeforeEach
    void mondayTwentyFirstOfDecember() {
        at("2026-12-21T10:00");
    }


    /** A case that an initial assessment referred to the panel: the hand-off starts the panel process. */
    private PanelCase referredToPanel() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-21T09:00:00Z");
        drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, assessment("2026-12-21", "2026-12-21", "PANEL"));
        drive.asManager(c.processInstanceId(), ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, authorisation("PANEL"));
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(ReceptionIntoCarePanelModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).singleResult();
        assertThat(instance).as("panel process started by the hand-off").isNotNull();
        return new PanelCase(c, instance.getId());
    }

    static Map<String, Object> request(String proposal, String emergency) {
        Map<String, Object> values = new HashMap<>(Map.of("requestReason", "Mother unable to keep the child safe",
                "proposal", proposal, "riskSummary", "Neglect; repeated missed health appointments",
                "familyOptions", "Grandmother assessed: not able to care"));
        if (emergency != null) {
            values.put("emergencyAdmission", emergency);
            values.put("emergencyOn", "2026-12-20");
        }
        return values;
    }

    static Map<String, Object> decision(String decision) {
        return new HashMap<>(Map.of("panelDecision", decision, "decisionReasons", "Threshold and welfare analysis",
                "attendees", "Panel chair, service manager, legal adviser"));
    }

    static Map<String, Object> placement(String type, String provider, String reason) {
        Map<String, Object> values = new HashMap<>(Map.of("placementStartOn", "2026-12-22", "legalStatus", "V2",
                "placementType", type, "placementProvider", provider));
        if (reason != null) {
            values.put("preferenceReason", reason);
        }
        return values;
    }

    private void toTheSitting(PanelCase p) {
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY);
    }

    private String endOf(PanelCase p) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(p.pi()).singleResult();
        return instance.getEndTime() == null ? null : instance.getEndActivityId();
    }

    private DeadlineView deadline(PanelCase p, String rule) {
        return deadlines.deadlinesOf(p.caseId()).stream().filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void anAdmissionRunsFromTheHandOffToTheFirstWeeksInCare() {
        PanelCase p = referredToPanel();
        assertThat(drive.caseStage(p.contact().caseRef())).isEqualTo("PANEL");
        // Opened on Monday 21 December: prepared within 5 working days (local standard PANEL_REQUEST).
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-30T23:59:59Z"));
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("S20_ACCOMMODATION", null));

        // Requested on Monday 21 December: the panel sits on Tuesday 22 December at 10:00.
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY)).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        assertThat(runtime.getVariable(p.pi(), "sittingOn")).isEqualTo("2026-12-22");
        at("2026-12-22T10:00");
        toTheSitting(p);
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        assertThatThrownBy(() -> drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, decision("ADMIT_TO_CARE")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, decision("ADMIT_TO_CARE"));

        at("2026-12-22T15:00");
        assertThatThrownBy(() -> drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, placement("U4", "PR4", null)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("preferenceReason");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, placement("U4", "PR1", "No relative able to care; own carer available"));

        // Care plan in 10 working days and health assessment in 20 from 22 December 2026.
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN).getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PLAN_DUE)).isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.HEALTH_ASSESSMENT_DUE)).isEqualTo(Instant.parse("2027-01-22T23:59:59Z"));
        assertThat(drive.caseStage(p.contact().caseRef())).isEqualTo("LOOKED_AFTER");
        // The looked-after review cycle started with the placement.
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LookedAfterReviewsModel.PROCESS_ID)
                .processInstanceBusinessKey(p.contact().caseRef()).count()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT placement_type, legal_status FROM looked_after_episode WHERE case_id = ?", p.caseId()))
                .containsEntry("placement_type", "U4").containsEntry("legal_status", "V2");
        // The clocks of becoming looked after on 22 December 2026: first visit within a week, first
        // review within 20 working days (the same 22 January as the health assessment).
        assertThat(deadline(p, "VISIT_FIRST").dueOn()).hasToString("2026-12-29");
        assertThat(deadline(p, "LAC_REVIEW_FIRST").dueOn()).hasToString("2027-01-22");

        at("2027-01-07T12:00");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN, Map.of("carePlanCompletedOn", "2027-01-07",
                "permanencePlan", "LONG_TERM_FOSTERING", "carePlanSummary", "Plan agreed with the IRO"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_HEALTH_ASSESSMENT, Map.of("healthAssessmentOn", "2027-01-06"));

        assertThat(endOf(p)).isEqualTo(ReceptionIntoCarePanelModel.Elements.END_CHILD_LOOKED_AFTER);
        assertThat(deadline(p, "CARE_PLAN").status().name()).isEqualTo("MET");
        assertThat(jdbc.queryForMap("SELECT placement_type, provider, approval FROM placement WHERE case_id = ?", p.caseId()))
                .containsEntry("placement_type", "U4").containsEntry("approval", "NOT_NEEDED");
    }

    @Test
    void moreInformationGoesBackToTheTeamManagerThenTheNextSitting() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("SUPPORT_AT_HOME", null));
        at("2026-12-22T10:00");
        toTheSitting(p);
        var more = decision("MORE_INFORMATION");
        assertThatThrownBy(() -> drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, more))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("informationNeeded");
        more.put("informationNeeded", "Parenting assessment");
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, more);
        // The panel's question is free text about the family: kept in panel_decision, never in the engine.
        assertThat(jdbc.queryForObject("SELECT information_needed FROM panel_decision d JOIN panel_request r ON r.id = d.request_id"
                + " WHERE r.case_id = ?", String.class, p.caseId())).isEqualTo("Parenting assessment");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_variable WHERE name_ = 'informationNeeded' AND proc_inst_id_ = ?",
                Long.class, p.pi())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_varinst WHERE name_ = 'informationNeeded' AND proc_inst_id_ = ?",
                Long.class, p.pi())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_detail WHERE name_ = 'informationNeeded' AND proc_inst_id_ = ?",
                Long.class, p.pi())).isZero();

        at("2026-12-22T16:00");
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PROVIDE_MORE_INFORMATION, Map.of("additionalInformation", "Parenting assessment attached"));
        // The next sitting after 22 December is Tuesday 29 December.
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY)).isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
        at("2026-12-29T10:00");
        toTheSitting(p);
        var support = decision("SUPPORT_AT_HOME");
        support.put("supportReviewOn", "2027-03-29");
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, support);

        assertThat(endOf(p)).isEqualTo(ReceptionIntoCarePanelModel.Elements.END_SUPPORT_AT_HOME);
        assertThat(jdbc.queryForList("SELECT decision FROM panel_decision d JOIN panel_request r ON r.id = d.request_id WHERE r.case_id = ? ORDER BY d.id",
                String.class, p.caseId())).containsExactly("MORE_INFORMATION", "SUPPORT_AT_HOME");
        assertThat(drive.caseStage(p.contact().caseRef())).isEqualTo("CHILD_IN_NEED");
    }

    @Test
    void anEmergencyAdmissionIsRecordedAtOnceAndRatifiedAtTheNextSitting() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("S20_ACCOMMODATION", "POLICE_PROTECTION"));
        var emergency = placement("U6", "PR4", "Out of hours: the only carer available");
        emergency.put("placementStartOn", "2026-12-20");
        emergency.put("legalStatus", "L1");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_EMERGENCY_PLACEMENT, emergency);

        // Placement notice within 5 working days of the emergency placement on Sunday 20 December:
        // 21, 22, 23, 24 and 29 December.
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.SEND_PLACEMENT_NOTICE).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-29T23:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY)).isEqualTo(Instant.parse("2026-12-22T10:00:00Z"));
        assertThat(panel.caseOf(jdbc.queryForObject("SELECT id FROM panel_request WHERE case_id = ?", Long.class, p.caseId())))
                .isEqualTo(p.caseId());

        at("2026-12-22T10:00");
        toTheSitting(p);
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, decision("ADMIT_TO_CARE"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.SEND_PLACEMENT_NOTICE, Map.of("noticeSentOn", "2026-12-22", "noticeSentTo", "Parents, IRO, GP"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN, Map.of("carePlanCompletedOn", "2026-12-22",
                "permanencePlan", "RETURN_HOME", "carePlanSummary", "Rehabilitation plan"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_HEALTH_ASSESSMENT, Map.of("healthAssessmentOn", "2026-12-22"));

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(p.pi())
                .activityId(ReceptionIntoCarePanelModel.Elements.END_EMERGENCY_ADMISSION_RATIFIED).count()).isEqualTo(1);
        assertThat(endOf(p)).isNotNull();
        assertThat(deadline(p, "PLACEMENT_NOTICE").status().name()).isEqualTo("MET");
    }

    @Test
    void aResidentialPlacementNeedsAJustificationAndTheServiceManagersApproval() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("S20_ACCOMMODATION", null));
        at("2026-12-22T10:00");
        toTheSitting(p);
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, decision("ADMIT_TO_CARE"));

        assertThatThrownBy(() -> drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, placement("K2", "PR4", null)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("justification");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, placement("K2", "PR4", "Three foster placements broke down"));
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.APPROVE_RESIDENTIAL_PLACEMENT, "service.manager", SERVICE_MANAGER,
                Map.of("residentialApproved", "NO", "approvalReason", "Try a specialist foster carer first"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT, placement("K2", "PR4", "Specialist carers declined"));
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.APPROVE_RESIDENTIAL_PLACEMENT, "service.manager", SERVICE_MANAGER,
                Map.of("residentialApproved", "YES", "approvalReason", "No suitable family setting"));

        drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN);
        assertThat(jdbc.queryForList("SELECT approval FROM placement WHERE case_id = ? ORDER BY id", String.class, p.caseId()))
                .containsExactly("REFUSED", "APPROVED");
    }

    @Test
    void thePreProceedingsRouteLeadsToTheTwentySixWeekClock() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("PLO_PRE_PROCEEDINGS", null));
        at("2026-12-22T10:00");
        toTheSitting(p);
        var legal = decision("LEGAL_PROCEEDINGS");
        legal.put("legalRoute", "PRE_PROCEEDINGS");
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, legal);
        // The legal route's meetings (local standards, Public Law Outline) from Tuesday 22 December:
        // 5 working days is 31 December, 10 is 8 January (past Christmas and New Year).
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                "legalAdvice", "Threshold crossed", "thresholdMet", "YES"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.SEND_LETTER_BEFORE_PROCEEDINGS, Map.of("letterSentOn", "2026-12-22",
                "fgdmOffered", "YES"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER, Map.of("fgdmAnsweredOn", "2026-12-22",
                "fgdmAccepted", "NO"));
        assertThat(drive.task(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING).getDueDate().toInstant())
                .isEqualTo(Instant.parse("2027-01-08T23:59:59Z"));
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                "preProceedingsOutcome", "ISSUE_PROCEEDINGS", "outcomeReason", "No progress under the plan"));

        // Issued on 22 December 2026: 26 weeks is 22 June 2027 (British Summer Time), with a reminder
        // 20 working days before (24 May 2027, counting back past the spring bank holiday on 31 May).
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PROCEEDINGS_DUE)).isEqualTo(Instant.parse("2027-06-22T22:59:59Z"));
        assertThat(drive.timerDue(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PROCEEDINGS_REMINDER)).isEqualTo(Instant.parse("2027-05-24T08:00:00Z"));
        assertThat(drive.caseStage(p.contact().caseRef())).isEqualTo("LEGAL_PROCEEDINGS");

        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PROCEEDINGS_REMINDER);
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PROCEEDINGS_DUE);
        drive.fire(p.pi(), ReceptionIntoCarePanelModel.Elements.CARE_PROCEEDINGS_SERVICE_MANAGER);
        assertThat(jdbc.queryForList("SELECT level FROM escalation WHERE case_id = ? AND rule = 'CARE_PROCEEDINGS' ORDER BY id",
                String.class, p.caseId())).containsExactly("REMINDER", "TEAM_MANAGER", "SERVICE_MANAGER");

        at("2027-06-01T12:00");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS, Map.of("concludedOn", "2027-06-01", "finalOrder", "CARE_ORDER"));
        assertThat(endOf(p)).isEqualTo(ReceptionIntoCarePanelModel.Elements.END_PROCEEDINGS_CONCLUDED);
        assertThat(deadline(p, "CARE_PROCEEDINGS").status().name()).isEqualTo("MET");
    }

    @ParameterizedTest(name = "legal route ends at {2}")
    @CsvSource({"PRE_PROCEEDINGS, NO, EndEvent_ThresholdNotMet", "PRE_PROCEEDINGS, STEP_DOWN, EndEvent_SteppedDownFromProceedings",
            "ISSUE, , EndEvent_ProceedingsConcluded"})
    void otherLegalOutcomes(String route, String choice, String endEvent) {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("PLO_PRE_PROCEEDINGS", null));
        at("2026-12-22T10:00");
        toTheSitting(p);
        var legal = decision("LEGAL_PROCEEDINGS");
        legal.put("legalRoute", route);
        if (route.equals("ISSUE")) {
            legal.put("fgdmNotOfferedReason", "Immediate risk: no time for a family meeting before the hearing");
        }
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, legal);
        if (route.equals("PRE_PROCEEDINGS")) {
            drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                    "legalAdvice", "Advice", "thresholdMet", choice.equals("NO") ? "NO" : "YES"));
            if (choice.equals("STEP_DOWN")) {
                drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.SEND_LETTER_BEFORE_PROCEEDINGS, Map.of("letterSentOn", "2026-12-22",
                        "fgdmOffered", "NO", "fgdmNotOfferedReason", "The parents' violence to family members"));
                drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING, Map.of("meetingHeldOn", "2026-12-22",
                        "preProceedingsOutcome", "STEP_DOWN", "outcomeReason", "Parents engaged"));
            }
        } else {
            drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS, Map.of("concludedOn", "2026-12-22", "finalOrder", "WITHDRAWN"));
        }
        assertThat(endOf(p)).isEqualTo(endEvent);
    }

    @Test
    void aRequestToIssueProceedingsNeedsTheServiceManagersEndorsement() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("ISSUE_CARE_PROCEEDINGS", null));
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.ENDORSE_REQUEST, "service.manager", SERVICE_MANAGER,
                Map.of("endorsed", "NO", "endorsementReason", "Try pre-proceedings first"));
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("ISSUE_CARE_PROCEEDINGS", null));
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.ENDORSE_REQUEST, "service.manager", SERVICE_MANAGER,
                Map.of("endorsed", "YES", "endorsementReason", "Risk is escalating"));

        drive.timer(p.pi(), ReceptionIntoCarePanelModel.Elements.SITTING_DAY);
    }

    @Test
    void aRecordedDecisionIsNeverEditedACorrectionIsANewRecord() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("SUPPORT_AT_HOME", null));
        at("2026-12-22T10:00");
        toTheSitting(p);
        var support = decision("SUPPORT_AT_HOME");
        support.put("supportReviewOn", "2027-03-29");
        drive.complete(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, "panel.chair", CHAIR, support);
        long original = jdbc.queryForObject("SELECT d.id FROM panel_decision d JOIN panel_request r ON r.id = d.request_id WHERE r.case_id = ?",
                Long.class, p.caseId());
        var before = jdbc.queryForMap("SELECT * FROM panel_decision WHERE id = ?", original);

        var correction = new HashMap<String, Object>(support);
        correction.put("supportReviewOn", "2027-02-15");
        correction.put("correctionReason", "Review date misrecorded: the panel agreed 15 February");
        long corrected = decisions.correct(original, new FormValues(correction), "panel.chair");

        assertThat(jdbc.queryForMap("SELECT * FROM panel_decision WHERE id = ?", original)).isEqualTo(before);
        assertThat(jdbc.queryForMap("SELECT supersedes_id, support_review_on, correction_reason FROM panel_decision WHERE id = ?", corrected))
                .containsEntry("supersedes_id", original).containsEntry("support_review_on", java.sql.Date.valueOf("2027-02-15"));
        assertThatThrownBy(() -> decisions.correct(original, new FormValues(correction), "panel.chair"))
                .hasMessageContaining("already been corrected");
        var withoutReason = new HashMap<String, Object>(support);
        assertThatThrownBy(() -> decisions.correct(corrected, new FormValues(withoutReason), "panel.chair"))
                .hasMessageContaining("correctionReason");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE subject_ref = ? AND detail LIKE '%corrected%'", String.class,
                p.contact().caseRef())).hasSize(1);
    }

    @Test
    void everyFirstWeeksClockEscalates() {
        PanelCase p = referredToPanel();
        drive.asManager(p.pi(), ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, request("S20_ACCOMMODATION", "OUT_OF_HOURS_ACCOMMODATION"));
        var emergency = placement("U1", "PR0", null);
        emergency.put("placementStartOn", "2026-12-20");
        drive.asWorker(p.pi(), ReceptionIntoCarePanelModel.Tasks.RECORD_EMERGENCY_PLACEMENT, emergency);
        for (String clock : List.of("CarePlan", "HealthAssessment", "PlacementNotice")) {
            drive.fire(p.pi(), "BoundaryEvent_" + clock + "Reminder");
            drive.fire(p.pi(), "BoundaryEvent_" + clock + "Due");
            drive.fire(p.pi(), "BoundaryEvent_" + clock + "ServiceManager");
        }
        assertThat(jdbc.queryForList("SELECT rule || ' ' || level FROM escalation WHERE case_id = ? AND rule <> 'INITIAL_ASSESSMENT'",
                String.class, p.caseId())).hasSize(9).contains("PLACEMENT_NOTICE SERVICE_MANAGER", "CARE_PLAN TEAM_MANAGER");
    }
}
