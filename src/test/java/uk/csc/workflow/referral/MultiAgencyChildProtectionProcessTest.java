package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.Chronology;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineStatus;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Elements;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Variables;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.tasklist.TaskContexts;

/**
 * The referral route with a multi-agency child protection team (csc.child-protection.multi-agency; Children's
 * Wellbeing and Schools Act 2026 s3), on the real engine and PostgreSQL at a pinned instant: the police, health and
 * education members contribute before the lead child protection practitioner holds the strategy discussion and
 * again before the lead completes the s47 enquiry; the conference stays the chair's; the plan it decides is led by
 * the lead practitioner. And the same route with the setting off, unchanged. Dates worked out by hand from the
 * England and Wales bank holidays (25 and 28 December 2026, 1 January 2027); a deadline is the end of its London day
 * (GMT in winter).
 */
@PostgresIntegrationTest
class MultiAgencyChildProtectionProcessTest {

    static final List<String> POLICE = List.of("mact-police");
    static final List<String> HEALTH = List.of("mact-health");
    static final List<String> EDUCATION = List.of("mact-education");
    static final List<String> LEAD = List.of("lead-cp-practitioner", "team-north");

    @Autowired
    ReferralDriver drive;
    @Autowired
    ProcessEngine engine;
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
    MultiAgencyChildProtectionSetting setting;
    @Autowired
    TaskContexts contexts;
    @Autowired
    Chronology chronology;

    @BeforeEach
    void onTheTwentySecondOfDecember() {
        BpmnAwareTests.init(engine);
        at("2026-12-22T09:00");
    }

    @AfterEach
    void settingOff() {
        setting.switchTo(false);
    }

    /** A Team North child whose referral decision is a strategy discussion, allocated to worker.north. */
    private ContactRegistered toStrategyDiscussion() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("SIGNIFICANT_HARM", false, true, true, "2026-12-22T08:30:00Z"));
        drive.asManager(c.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION",
                "decisionReason", "Significant harm suspected"));
        drive.asManager(c.processInstanceId(), Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        return c;
    }

    /** What the lead reads beside the task ("Child and case" tab): the agencies' contributions to the enquiry under way. */
    private ReferralContexts.ChildProtectionEnquiryContext seenByTheLead(String pi, String taskKey) {
        TaskContexts.TaskContext context = contexts.context(drive.task(pi, taskKey).getId(), new CurrentUser("lead.cp", Set.copyOf(LEAD)));
        assertThat(context.kind()).isEqualTo(TaskContexts.Kind.CHILD_PROTECTION_ENQUIRY);
        return (ReferralContexts.ChildProtectionEnquiryContext) context.details();
    }

    private static List<String> said(List<ReferralContexts.Contribution> contributions) {
        return contributions.stream().map(c -> c.agency().label() + ", " + c.riskLevel().label() + ": " + c.information()).toList();
    }

    private static Map<String, Object> contribution(String information, String risk) {
        return Map.of("information", information, "riskLevel", risk);
    }

    private static Map<String, Object> strategy(String heldOn) {
        return Map.of("strategyHeldOn", heldOn, "strategyAttendees", "Lead practitioner, police, school nurse, head teacher",
                "strategyDecision", "START_S47", "strategyReason", "Disclosure at school corroborated by the police");
    }

    private static Throwable deepest(Throwable thrown) {
        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private Instant due(String pi, String task) {
        return drive.task(pi, task).getDueDate().toInstant();
    }

    private List<String> candidateUsers(String pi, String task) {
        return tasks.getIdentityLinksForTask(drive.task(pi, task).getId()).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
    }

    private String planInstance(ContactRegistered c) {
        var plan = runtime.createProcessInstanceQuery().processDefinitionKey(ChildProtectionPlanModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).active().singleResult();
        assertThat(plan).as("a running child protection plan").isNotNull();
        return plan.getId();
    }

    @Test
    void aMultiAgencyTeamRunsTheStrategyDiscussionAndTheEnquiryAndItsLeadLeadsThePlan() {
        setting.switchTo(true);
        ContactRegistered c = toStrategyDiscussion();
        String pi = c.processInstanceId();
        // Fixed for the case where its strategy discussion opened: switching the setting now changes nothing here.
        setting.switchTo(false);

        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.POLICE_STRATEGY_CONTRIBUTION, Tasks.HEALTH_STRATEGY_CONTRIBUTION, Tasks.EDUCATION_STRATEGY_CONTRIBUTION)
                .hasPassed(Elements.FIX_CHILD_PROTECTION_WAY)
                .variables().containsEntry(Variables.MULTI_AGENCY_CHILD_PROTECTION, true)
                .containsEntry(Variables.LEAD_PRACTITIONERS, "lead.cp");
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Tasks.HOLD_STRATEGY_DISCUSSION).count()).isZero();
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("STRATEGY_DISCUSSION");
        // The strategy discussion's rule (STRATEGY_DISCUSSION, 1 working day) dates each contribution: 23 December.
        for (String task : List.of(Tasks.POLICE_STRATEGY_CONTRIBUTION, Tasks.HEALTH_STRATEGY_CONTRIBUTION, Tasks.EDUCATION_STRATEGY_CONTRIBUTION)) {
            assertThat(due(pi, task)).as(task).isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        }

        // Each agency works its own task only: not the case's social worker, not another agency.
        assertThat(deepest(catchThrowable(() -> drive.asWorker(pi, Tasks.POLICE_STRATEGY_CONTRIBUTION,
                contribution("x", "HIGH"))))).isInstanceOf(AuthorizationException.class);
        assertThat(deepest(catchThrowable(() -> drive.complete(pi, Tasks.POLICE_STRATEGY_CONTRIBUTION, "mact.health", HEALTH,
                contribution("x", "HIGH"))))).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> drive.complete(pi, Tasks.POLICE_STRATEGY_CONTRIBUTION, "mact.police", POLICE, Map.of("riskLevel", "HIGH")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("information");
        drive.complete(pi, Tasks.POLICE_STRATEGY_CONTRIBUTION, "mact.police", POLICE,
                contribution("Two call-outs to the address; the father has a caution for assault", "HIGH"));
        drive.complete(pi, Tasks.HEALTH_STRATEGY_CONTRIBUTION, "mact.health", HEALTH,
                contribution("Bruising seen by the school nurse; missed immunisations", "MEDIUM"));
        at("2026-12-23T10:00");
        drive.complete(pi, Tasks.EDUCATION_STRATEGY_CONTRIBUTION, "mact.education", EDUCATION,
                contribution("Disclosure to the class teacher on 21 December; attendance 81%", "HIGH"));

        // The lead child protection practitioner of Team North holds the discussion, due a working day after it opened
        // (23 December): 24 December.
        assertThat(candidateUsers(pi, Tasks.LEAD_STRATEGY_DISCUSSION)).containsExactly("lead.cp");
        assertThat(due(pi, Tasks.LEAD_STRATEGY_DISCUSSION)).isEqualTo(Instant.parse("2026-12-24T23:59:59Z"));
        assertThat(deepest(catchThrowable(() -> drive.asWorker(pi, Tasks.LEAD_STRATEGY_DISCUSSION, strategy("2026-12-23")))))
                .isInstanceOf(AuthorizationException.class);
        var beforeTheDiscussion = seenByTheLead(pi, Tasks.LEAD_STRATEGY_DISCUSSION);
        assertThat(beforeTheDiscussion.strategyHeldOn()).isNull();
        assertThat(said(beforeTheDiscussion.strategyContributions())).containsExactly(
                "Police, High: Two call-outs to the address; the father has a caution for assault",
                "Health, Medium: Bruising seen by the school nurse; missed immunisations",
                "Education (school or college), High: Disclosure to the class teacher on 21 December; attendance 81%");
        assertThat(beforeTheDiscussion.s47Contributions()).isEmpty();
        drive.complete(pi, Tasks.LEAD_STRATEGY_DISCUSSION, "lead.cp", LEAD, strategy("2026-12-23"));

        // ICPC within 15 working days of the strategy discussion on 23 December: 24, 29, 30, 31 December, 4-8, 11-15
        // and 18 January 2027. The agencies contribute to the enquiry within the ICPC clock, whose escalations run as before.
        assertThat(drive.timerDue(pi, Elements.CHILD_PROTECTION_ENQUIRY_DUE)).isEqualTo(Instant.parse("2027-01-18T23:59:59Z"));
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.POLICE_S47_CONTRIBUTION, Tasks.HEALTH_S47_CONTRIBUTION, Tasks.EDUCATION_S47_CONTRIBUTION)
                .variables().containsEntry(Variables.LEAD_PRACTITIONER, "lead.cp");
        for (String task : List.of(Tasks.POLICE_S47_CONTRIBUTION, Tasks.HEALTH_S47_CONTRIBUTION, Tasks.EDUCATION_S47_CONTRIBUTION)) {
            assertThat(due(pi, task)).as(task).isEqualTo(Instant.parse("2027-01-18T23:59:59Z"));
        }
        assertThat(drive.caseStage(c.caseRef())).isEqualTo("S47_ENQUIRY");
        at("2027-01-06T11:00");
        drive.complete(pi, Tasks.POLICE_S47_CONTRIBUTION, "mact.police", POLICE, contribution("Joint visit; the father was arrested", "HIGH"));
        drive.complete(pi, Tasks.HEALTH_S47_CONTRIBUTION, "mact.health", HEALTH, contribution("Child protection medical: injuries non-accidental", "HIGH"));
        drive.complete(pi, Tasks.EDUCATION_S47_CONTRIBUTION, "mact.education", EDUCATION, contribution("The child repeated the account", "HIGH"));

        var forTheEnquiry = seenByTheLead(pi, Tasks.COMPLETE_S47_ENQUIRY);
        assertThat(forTheEnquiry.strategyHeldOn()).hasToString("2026-12-23");
        assertThat(forTheEnquiry.strategyContributions()).hasSize(3);
        assertThat(said(forTheEnquiry.s47Contributions())).containsExactly("Police, High: Joint visit; the father was arrested",
                "Health, High: Child protection medical: injuries non-accidental",
                "Education (school or college), High: The child repeated the account");
        assertThat(chronology.of(c.caseRef(), null, new CurrentUser("lead.cp", Set.copyOf(LEAD))).stream().map(e -> e.summary())
                .filter(line -> line.contains("contributed to the"))).containsExactly(
                "Police contributed to the strategy discussion: high risk", "Health contributed to the strategy discussion: medium risk",
                "Education (school or college) contributed to the strategy discussion: high risk",
                "Police contributed to the section 47 enquiry: high risk", "Health contributed to the section 47 enquiry: high risk",
                "Education (school or college) contributed to the section 47 enquiry: high risk");

        // Then the lead completes the enquiry (it is theirs, not the allocated worker's), by the ICPC date.
        assertThat(drive.task(pi, Tasks.COMPLETE_S47_ENQUIRY).getAssignee()).isEqualTo("lead.cp");
        assertThat(due(pi, Tasks.COMPLETE_S47_ENQUIRY)).isEqualTo(Instant.parse("2027-01-18T23:59:59Z"));
        at("2027-01-08T10:00");
        drive.complete(pi, Tasks.COMPLETE_S47_ENQUIRY, "lead.cp", LEAD, Map.of("s47ConcludedOn", "2027-01-07",
                "s47Outcome", "CONCERNS_SUBSTANTIATED", "s47Reason", "Significant harm: physical abuse"));

        // The initial conference stays the chair's (the team manager here), by the same ICPC date.
        assertThat(due(pi, Tasks.HOLD_INITIAL_CONFERENCE)).isEqualTo(Instant.parse("2027-01-18T23:59:59Z"));
        drive.asManager(pi, Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn", "2027-01-08", "conferenceOutcome", "CP_PLAN",
                "categoryOfAbuse", "PHY"));

        var ended = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
        assertThat(ended.getEndActivityId()).isEqualTo(Elements.END_CHILD_PROTECTION_PLAN);
        DeadlineView icpc = deadlines.deadlinesOf(c.caseId()).stream().filter(d -> d.rule().equals("ICPC")).findFirst().orElseThrow();
        assertThat(icpc.dueOn()).hasToString("2027-01-18");
        assertThat(icpc.status()).isEqualTo(DeadlineStatus.MET);

        // The case tables hold what each agency said, linked to the enquiry the lead led; the engine keeps none of it.
        long enquiry = jdbc.queryForObject("SELECT id FROM child_protection_enquiry WHERE case_id = ? AND lead_practitioner = 'lead.cp'",
                Long.class, c.caseId());
        assertThat(jdbc.queryForList("""
                SELECT stage || ' ' || agency || ' ' || risk_level || ' ' || contributed_by FROM child_protection_contribution
                WHERE case_id = ? AND enquiry_id = ? ORDER BY id""", String.class, c.caseId(), enquiry)).containsExactly(
                "STRATEGY_DISCUSSION POLICE HIGH mact.police", "STRATEGY_DISCUSSION HEALTH MEDIUM mact.health",
                "STRATEGY_DISCUSSION EDUCATION HIGH mact.education", "S47_ENQUIRY POLICE HIGH mact.police",
                "S47_ENQUIRY HEALTH HIGH mact.health", "S47_ENQUIRY EDUCATION HIGH mact.education");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("information").list()
                .stream().filter(v -> v.getValue() != null).toList()).isEmpty();

        // The plan is led by the lead practitioner: recorded on it, and its worker tasks are theirs.
        assertThat(jdbc.queryForObject("SELECT lead_practitioner FROM child_plan WHERE case_id = ? AND kind = 'CP'", String.class,
                c.caseId())).isEqualTo("lead.cp");
        String plan = planInstance(c);
        assertThat(runtime.getVariable(plan, "worker")).isEqualTo("lead.cp");
        assertThat(drive.task(plan, ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING).getAssignee()).isEqualTo("lead.cp");
        assertThat(drive.task(plan, ChildProtectionPlanModel.Tasks.RECORD_VISIT).getAssignee()).isEqualTo("lead.cp");
        // Core group within 10 working days of the conference on 8 January: 11-15 and 18-22 January.
        assertThat(due(plan, ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING)).isEqualTo(Instant.parse("2027-01-22T23:59:59Z"));
        at("2027-01-12T14:00");
        drive.complete(plan, ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING, "lead.cp", LEAD, Map.of("coreGroupHeldOn", "2027-01-12",
                "attendees", "Mother, school, health visitor, lead practitioner", "progress", "Safety plan agreed"));
        assertThat(drive.task(plan, ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING).getAssignee()).isEqualTo("lead.cp");
    }

    @Test
    void withTheSettingOffTheRouteIsAsBeforeAndACaseUnderWayKeepsItsWay() {
        ContactRegistered c = toStrategyDiscussion();
        String pi = c.processInstanceId();
        // Switched on after this case's strategy discussion opened: the case keeps the way it started.
        setting.switchTo(true);

        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.HOLD_STRATEGY_DISCUSSION)
                .variables().containsEntry(Variables.MULTI_AGENCY_CHILD_PROTECTION, false);
        assertThat(drive.task(pi, Tasks.HOLD_STRATEGY_DISCUSSION).getAssignee()).isEqualTo("worker.north");
        assertThat(due(pi, Tasks.HOLD_STRATEGY_DISCUSSION)).isEqualTo(Instant.parse("2026-12-23T23:59:59Z"));
        drive.asWorker(pi, Tasks.HOLD_STRATEGY_DISCUSSION, new HashMap<>(strategy("2026-12-22")));

        // No agency tasks: the allocated worker's enquiry opens at once, due with the ICPC (15 working days: 15 January).
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(Tasks.COMPLETE_S47_ENQUIRY);
        assertThat(drive.task(pi, Tasks.COMPLETE_S47_ENQUIRY).getAssignee()).isEqualTo("worker.north");
        assertThat(due(pi, Tasks.COMPLETE_S47_ENQUIRY)).isEqualTo(Instant.parse("2027-01-15T23:59:59Z"));
        drive.asWorker(pi, Tasks.COMPLETE_S47_ENQUIRY, Map.of("s47ConcludedOn", "2026-12-22", "s47Outcome", "CONCERNS_SUBSTANTIATED",
                "s47Reason", "Significant harm likely"));
        drive.asManager(pi, Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn", "2026-12-22", "conferenceOutcome", "CP_PLAN",
                "categoryOfAbuse", "NEG"));

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId(Elements.MULTI_AGENCY_STRATEGY_DISCUSSION)
                .count()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_protection_contribution WHERE case_id = ?", Integer.class, c.caseId()))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT lead_practitioner FROM child_plan WHERE case_id = ? AND kind = 'CP'", String.class,
                c.caseId())).isNull();
        String plan = planInstance(c);
        assertThat(drive.task(plan, ChildProtectionPlanModel.Tasks.HOLD_CORE_GROUP_MEETING).getAssignee()).isEqualTo("worker.north");
    }

    @Test
    void aTeamWithoutALeadPractitionerHasTheServiceManagerLeadTheDiscussion() {
        setting.switchTo(true);
        ContactRegistered c = drive.receive(new ContactRequest(new ContactRequest.Child("South" + System.nanoTime() % 100000, "Child",
                uk.csc.workflow.support.TestTime.bornYearsBefore(java.time.LocalDate.of(2026, 12, 22), 9), null, "M", "WBRI", "B5 7RT",
                uk.csc.workflow.support.NhsNumbers.next(), null), "2A", java.time.OffsetDateTime.parse("2026-12-22T08:30:00Z"),
                "Concerns described by the school", "SIGNIFICANT_HARM", true, false, true, null));
        String pi = c.processInstanceId();
        assertThat(c.team()).isEqualTo("team-south");
        drive.complete(pi, Tasks.RECORD_REFERRAL_DECISION, "manager.south", List.of("team-manager", "team-south"),
                Map.of("referralDecision", "STRATEGY_DISCUSSION", "decisionReason", "Significant harm suspected"));
        drive.complete(pi, Tasks.ALLOCATE_WORKER, "manager.south", List.of("team-manager", "team-south"),
                Map.of("allocatedWorker", "worker.south"));
        assertThat(runtime.getVariable(pi, Variables.LEAD_PRACTITIONERS)).isEqualTo(List.of());
        drive.complete(pi, Tasks.POLICE_STRATEGY_CONTRIBUTION, "mact.police", POLICE, contribution("Not known to the police", "STANDARD"));
        drive.complete(pi, Tasks.HEALTH_STRATEGY_CONTRIBUTION, "mact.health", HEALTH, contribution("Registered with a GP", "STANDARD"));
        drive.complete(pi, Tasks.EDUCATION_STRATEGY_CONTRIBUTION, "mact.education", EDUCATION, contribution("Good attendance", "STANDARD"));

        // Team South has no lead child protection practitioner: the service managers are offered the discussion.
        assertThat(candidateUsers(pi, Tasks.LEAD_STRATEGY_DISCUSSION)).isEmpty();
        assertThat(deepest(catchThrowable(() -> drive.complete(pi, Tasks.LEAD_STRATEGY_DISCUSSION, "worker.south",
                List.of("practitioner", "team-south"), strategy("2026-12-22"))))).isInstanceOf(AuthorizationException.class);
        drive.complete(pi, Tasks.LEAD_STRATEGY_DISCUSSION, "service.manager", List.of("service-manager"), Map.of("strategyHeldOn", "2026-12-22",
                "strategyAttendees", "Service manager, police, health, school", "strategyDecision", "NO_S47", "nextStep", "CLOSE",
                "strategyReason", "No significant harm"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(Elements.END_CLOSED_NO_FURTHER_ACTION);
        assertThat(jdbc.queryForObject("SELECT lead_practitioner FROM child_protection_enquiry WHERE case_id = ?", String.class, c.caseId()))
                .isEqualTo("service.manager");
    }
}
