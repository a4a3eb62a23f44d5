package uk.csc.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterDriver;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * Task cards and task contexts over HTTP on PostgreSQL, on Tuesday 1 December 2026: the child and
 * the working days left for the tasks the user may see (others left out), and what each decision
 * needs in words: referral decision, assessment authorisation, panel decision, review sign-off, escalation.
 */
@PostgresIntegrationTest
class TaskCardsApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    LookedAfterDriver care;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void tuesdayFirstOfDecember() {
        at("2026-12-01T11:00");
    }

    private ContactRegistered contact(String postcode) {
        ContactRequest north = ReferralDriver.contact("CHILD_IN_NEED", false, false, true, "2026-12-01T09:00:00Z");
        var c = north.child();
        return drive.receive(new ContactRequest(new ContactRequest.Child(c.firstName(), c.lastName(), c.dateOfBirth(), null, c.sex(),
                c.ethnicity(), postcode, c.nhsNumber(), null), "2A", north.receivedAt(), "School worried: the child is often hungry",
                "CHILD_IN_NEED", false, false, true, null));
    }

    private String taskId(String processInstanceId, String taskKey) {
        return drive.task(processInstanceId, taskKey).getId();
    }

    private List<Map<String, Object>> cards(String user, String ids) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/tasks/cards?ids=" + ids, List.class);
    }

    private ResponseEntity<Map> context(String user, String taskId) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/tasks/" + taskId + "/context", Map.class);
    }

    @Test
    void cardsShowTheChildAndTheWorkingDaysLeftForTheTasksTheUserMaySee() {
        ContactRegistered north = contact("B23 6AB");
        ContactRegistered south = contact("B13 9AA");
        String northTask = taskId(north.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
        String southTask = taskId(south.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);

        List<Map<String, Object>> seen = cards("manager.north", northTask + "," + southTask + ",no-such-task");

        assertThat(seen).singleElement().satisfies(card -> {
            assertThat(card).containsEntry("taskId", northTask).containsEntry("caseRef", north.caseRef())
                    .containsEntry("team", Map.of("code", "team-north", "label", "Team North"))
                    .containsEntry("taskName", "Decide: contact or referral")
                    .containsEntry("dueOn", "2026-12-02").containsEntry("workingDaysLeft", 1).containsEntry("status", "DUE_SOON");
            assertThat((String) card.get("childName")).endsWith(" Child");
            assertThat((Map<String, Object>) card.get("age")).containsEntry("years", 7);
        });
        assertThat(cards("service.manager", northTask + "," + southTask)).hasSize(2);
        assertThat(cards("worker.south", northTask)).isEmpty();

        // Thursday: the decision is a day late.
        at("2026-12-03T09:00");
        assertThat(cards("manager.north", northTask)).singleElement().satisfies(card -> assertThat(card)
                .containsEntry("workingDaysLeft", -1).containsEntry("status", "OVERDUE"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND user_id = 'manager.north' AND detail = 'task card'",
                Integer.class, north.caseRef())).isEqualTo(2);
        assertThat(rest.withBasicAuth("manager.north", "demo").getForEntity("/api/tasks/cards", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theReferralDecisionComesWithTheContactAndTheChildsHistory() {
        ContactRegistered c = contact("B23 6AB");
        String task = taskId(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);

        ResponseEntity<Map> answer = context("manager.north", task);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("kind", "REFERRAL_DECISION").containsEntry("caseRef", c.caseRef());
        assertThat((Map<String, Object>) answer.getBody().get("due")).containsEntry("status", "DUE_SOON");
        Map<String, Object> details = (Map<String, Object>) answer.getBody().get("details");
        assertThat(details).containsEntry("source", Map.of("code", "2A", "label", "Schools"))
                .containsEntry("concerns", "School worried: the child is often hungry")
                .containsEntry("concernLevel", Map.of("code", "CHILD_IN_NEED", "label", "The child may be a child in need (s17)"))
                .containsEntry("proposedResponse", Map.of("code", "ASSESSMENT", "label", "Assessment"))
                .containsEntry("immediateRisk", false);
        assertThat((Map<String, Object>) details.get("history")).containsEntry("reReferral", false)
                .containsEntry("previousCases", List.of()).containsEntry("otherOpenCases", List.of());
        assertThat(((Map<String, Object>) answer.getBody().get("child")).get("name")).isNotNull();

        assertThat(context("manager.south", task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(context("manager.north", "no-such-task").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForList("SELECT user_id || ' ' || detail FROM audit_event WHERE subject_ref = ?", String.class, c.caseRef()))
                .contains("manager.north task context: REFERRAL_DECISION");
    }

    @Test
    void theAuthorisationComesWithTheAssessmentInWords() {
        ContactRegistered c = drive.acceptedAndAllocated("2026-12-01T09:00:00Z");
        drive.asWorker(c.processInstanceId(), ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT,
                ReferralDriver.assessment("2026-12-01", "2026-12-01", "CORE_ASSESSMENT"));

        Map<String, Object> body = context("manager.north",
                taskId(c.processInstanceId(), ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT)).getBody();

        assertThat(body).containsEntry("kind", "ASSESSMENT_AUTHORISATION");
        assertThat((Map<String, Object>) body.get("details"))
                .containsEntry("kind", Map.of("code", "INITIAL", "label", "Initial assessment"))
                .containsEntry("childSeenOn", "2026-12-01").containsEntry("summary", "Analysis of needs and risks")
                .containsEntry("recommendation", Map.of("code", "CORE_ASSESSMENT", "label", "Core assessment"))
                .containsEntry("categoryOfNeed", Map.of("code", "N1", "label", "Abuse or neglect"))
                .containsEntry("dueOn", "2026-12-10");
    }

    @Test
    void thePanelChairSeesTheRequestAndOnlyThePanelsCases() {
        ContactRegistered c = contact("B23 6AB");
        String referralTask = taskId(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
        assertThat(context("panel.chair", referralTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> request = rest.withBasicAuth("manager.north", "demo").postForEntity("/api/cases/" + c.caseRef() + "/panel-requests",
                Map.of("requestReason", "Mother unable to keep the child safe", "proposal", "S20_ACCOMMODATION",
                        "riskSummary", "Neglect; missed health appointments", "familyOptions", "Grandmother assessed: not able to care"),
                Map.class);
        String pi = (String) request.getBody().get("processInstanceId");
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().singleResult().getId());
        String decisionTask = taskId(pi, ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION);

        Map<String, Object> body = context("panel.chair", decisionTask).getBody();

        assertThat(body).containsEntry("kind", "PANEL_DECISION");
        assertThat((Map<String, Object>) body.get("details")).containsEntry("requestReason", "Mother unable to keep the child safe")
                .containsEntry("proposal", Map.of("code", "S20_ACCOMMODATION", "label", "Accommodation under section 20 with parental consent"))
                .containsEntry("riskSummary", "Neglect; missed health appointments")
                .containsEntry("familyOptions", "Grandmother assessed: not able to care").containsEntry("emergencyAdmission", null);
        assertThat(cards("panel.chair", decisionTask + "," + referralTask)).extracting(card -> card.get("taskId"))
                .containsExactlyInAnyOrder(decisionTask, referralTask);
    }

    @Test
    void theSignOffComesWithTheIrosRecord() {
        ContactRegistered c = care.childBorn("2016-05-05");
        String pi = care.startCare(c, "2026-11-30");
        if (management.createJobQuery().processInstanceId(pi).activityId(LookedAfterReviewsModel.Elements.INVITATIONS_DUE).count() > 0) {
            care.fire(pi, LookedAfterReviewsModel.Elements.INVITATIONS_DUE);
        }
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, LookedAfterDriver.arrangement("2026-12-01", "2026-12-01"));
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, LookedAfterDriver.review("2026-12-01", "PN1"));

        Map<String, Object> body = context("manager.north", taskId(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW)).getBody();

        assertThat(body).containsEntry("kind", "REVIEW_SIGN_OFF");
        assertThat((Map<String, Object>) body.get("details")).containsEntry("reviewNumber", 1).containsEntry("heldOn", "2026-12-01")
                .containsEntry("late", false)
                .containsEntry("participation", Map.of("code", "PN1", "label", "PN1 - Child attended and spoke for themselves"))
                .containsEntry("rule", Map.of("code", "LAC_REVIEW_FIRST", "label", "First looked-after review"))
                .containsEntry("decisions", "Care plan endorsed; sibling contact to be increased to fortnightly");
    }

    @Test
    void theEscalationSaysWhichChildWhichDeadlineAndHowLate() {
        ContactRegistered c = contact("B23 6AB");
        // Friday 4 December: the referral decision due on Wednesday 2 December is two working days late.
        at("2026-12-04T10:00");
        drive.fire(c.processInstanceId(), ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE);
        Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef())
                .taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION).singleResult();

        Map<String, Object> body = context("manager.north", acknowledge.getId()).getBody();

        assertThat(body).containsEntry("kind", "ESCALATION").containsEntry("caseRef", c.caseRef());
        assertThat((Map<String, Object>) body.get("details"))
                .containsEntry("rule", Map.of("code", "REFERRAL_DECISION", "label", "Referral decision"))
                .containsEntry("level", Map.of("code", "TEAM_MANAGER", "label", "Escalated to the team manager"))
                .containsEntry("dueOn", "2026-12-02").containsEntry("workingDaysLate", 2).containsEntry("completedOn", null);
        assertThat(cards("manager.north", acknowledge.getId())).singleElement()
                .satisfies(card -> assertThat(card).containsEntry("caseRef", c.caseRef()));
        assertThat(cards("manager.south", acknowledge.getId())).isEmpty();
    }
}
