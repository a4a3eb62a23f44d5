package uk.csc.workflow.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.process.PlanStarts;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.support.NhsNumbers;

/** Drives children onto plans through the real routes, and their plans as the worker, the manager and the conference chair would. */
@Component
public class PlanDriver {

    public static final CurrentUser MANAGER_NORTH = new CurrentUser("manager.north", Set.of("team-manager", "team-north"));
    public static final CurrentUser MANAGER_SOUTH = new CurrentUser("manager.south", Set.of("team-manager", "team-south"));

    final ReferralDriver drive;
    final RuntimeService runtime;
    final HistoryService history;
    final JdbcTemplate jdbc;
    final PlanStarts starts;

    PlanDriver(ReferralDriver drive, RuntimeService runtime, HistoryService history, JdbcTemplate jdbc, PlanStarts starts) {
        this.drive = drive;
        this.runtime = runtime;
        this.history = history;
        this.jdbc = jdbc;
        this.starts = starts;
    }

    static String nowAsOffset() {
        return OffsetDateTime.ofInstant(EngineClock.now(), ZoneOffset.UTC).toString();
    }

    /** A Team North child through contact, strategy discussion and s47 enquiry to an initial conference on {@code day} that decides a plan. */
    public ContactRegistered onPlanFromConference(String day, String category) {
        ContactRegistered c = toStrategyDiscussion(day);
        String pi = c.processInstanceId();
        drive.asWorker(pi, Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", day, "strategyAttendees", "Police, school, health visitor",
                "strategyDecision", "START_S47", "strategyReason", "Disclosure at school"));
        drive.asWorker(pi, Tasks.COMPLETE_S47_ENQUIRY, Map.of("s47ConcludedOn", day, "s47Outcome", "CONCERNS_SUBSTANTIATED",
                "s47Reason", "Significant harm likely"));
        drive.asManager(pi, Tasks.HOLD_INITIAL_CONFERENCE, Map.of("conferenceHeldOn", day, "conferenceOutcome", "CP_PLAN",
                "categoryOfAbuse", category));
        return c;
    }

    /** A Team North child whose strategy discussion on {@code day} decides no s47 enquiry and a child in need plan. */
    public ContactRegistered onChildInNeedPlan(String day) {
        ContactRegistered c = toStrategyDiscussion(day);
        drive.asWorker(c.processInstanceId(), Tasks.HOLD_STRATEGY_DISCUSSION, Map.of("strategyHeldOn", day,
                "strategyAttendees", "Police and school", "strategyDecision", "NO_S47", "nextStep", "CHILD_IN_NEED_PLAN",
                "strategyReason", "Needs, not harm"));
        return c;
    }

    private ContactRegistered toStrategyDiscussion(String day) {
        ReferralDriver.at(day + "T09:00");
        ContactRegistered c = drive.receive(ReferralDriver.contact("SIGNIFICANT_HARM", false, true, true, nowAsOffset()));
        drive.asManager(c.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION",
                "decisionReason", "Significant harm suspected"));
        drive.asManager(c.processInstanceId(), Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        return c;
    }

    /** A contact about a named child (the same names and date of birth link an existing child), received now. */
    public ContactRegistered contact(String first, String last, LocalDate born, String postcode) {
        return contact(first, last, born, postcode, NhsNumbers.next());
    }

    /** A contact about the child with this NHS number: a known one links to that child. */
    public ContactRegistered contact(String first, String last, LocalDate born, String postcode, String nhsNumber) {
        var child = new ContactRequest.Child(first, last, born, null, "F", "WBRI", postcode, nhsNumber, null);
        return drive.receive(new ContactRequest(child, "9", OffsetDateTime.parse(nowAsOffset()), "Moved into the area on a plan",
                "SIGNIFICANT_HARM", false, false, true, null));
    }

    /** A contact about a child the front door proposes as a likely match, and the worker confirms it is them. */
    public ContactRegistered contactAbout(long childId, String first, String last, LocalDate born, String postcode) {
        var child = new ContactRequest.Child(first, last, born, null, "F", "WBRI", postcode, null, null);
        return drive.receive(new ContactRequest(child, "9", OffsetDateTime.parse(nowAsOffset()), "Moved into the area on a plan",
                "SIGNIFICANT_HARM", false, false, true, null, new ContactRequest.MatchDecision(childId, "CONFIRM")));
    }

    public Map<String, Object> transferIn(ContactRegistered c, CurrentUser manager, String heldOn, String category, int elsewhere,
                                          String worker) {
        return starts.transferIn(c.caseRef(), new HashMap<>(Map.of("conferenceHeldOn", heldOn, "categoryOfAbuse", category,
                "originatingAuthority", "Another council", "previousPlansElsewhere", elsewhere, "allocatedWorker", worker)), manager);
    }

    /** The case's running instance of a process. */
    public String instance(String caseRef, String processKey) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(caseRef).active()
                .singleResult();
        return instance == null ? null : instance.getId();
    }

    public String endedAt(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getEndActivityId();
    }

    /** Whether the instance passed through an element (an end event inside an event sub-process, say). */
    public boolean passed(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId).finished()
                .count() == 1;
    }

    public void asIro(String pi, String taskKey, Map<String, Object> values) {
        drive.complete(pi, taskKey, "iro", List.of("iro"), values);
    }

    public void asManager(String pi, String taskKey, Map<String, Object> values) {
        drive.asManager(pi, taskKey, values);
    }

    public void asWorker(String pi, String taskKey, Map<String, Object> values) {
        drive.asWorker(pi, taskKey, values);
    }

    public Instant timerDue(String pi, String activityId) {
        return drive.timerDue(pi, activityId);
    }

    public void fire(String pi, String activityId) {
        drive.fire(pi, activityId);
    }

    public Instant taskDue(String pi, String taskKey) {
        return drive.task(pi, taskKey).getDueDate().toInstant();
    }

    /** Each escalation of a rule on the case: level, then who was told. */
    public List<String> escalations(long caseId, String rule) {
        return jdbc.queryForList("SELECT level || ' ' || notified FROM escalation WHERE case_id = ? AND rule = ? ORDER BY id",
                String.class, caseId, rule);
    }

    public Map<String, Object> latestPlan(long caseId, String kind) {
        return jdbc.queryForMap("SELECT * FROM child_plan WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1", caseId, kind);
    }

    public static Map<String, Object> coreGroup(String heldOn) {
        return new HashMap<>(Map.of("coreGroupHeldOn", heldOn, "attendees", "Mother, school, health visitor, social worker",
                "progress", "Home conditions improved; school attendance 92%"));
    }

    public static Map<String, Object> visit(String visitedOn) {
        return new HashMap<>(Map.of("visitedOn", visitedOn, "seenAlone", "YES", "visitNotes", "Seen alone in her room; spoke about school"));
    }

    public static Map<String, Object> review(String heldOn, String decision) {
        return new HashMap<>(Map.of("reviewHeldOn", heldOn, "reviewDecision", decision,
                "reviewSummary", "The core group's evidence and the family's views were heard"));
    }
}
