package uk.csc.workflow.referral.process;

import static uk.csc.workflow.referral.ProcessVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;
import uk.csc.workflow.referral.ReferralCodes.Agency;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralService;

/**
 * The one adapter between the referral route's user tasks and {@link ReferralService}: on
 * create it moves the case to the task's stage; on complete it checks the user's role, hands the
 * submitted values to the service (which validates and records them) and keeps only the routing
 * values in the process. A validation failure rolls the completion back and the task stays open:
 * Tasklist shows the message, the REST API answers 400.
 */
@Component("referralTasks")
class ReferralTaskListener implements TaskListener {

    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SCREENING = Set.of(Groups.MASH, Groups.ADMIN);

    /** Free text and personal details a form submits: recorded in the case tables, not kept in the engine. */
    private static final List<String> CASE_DATA = List.of("information", "riskLevel", "screeningReason", "decisionReason",
            "allocatedWorker", "childSeenOn", "completedOn", "categoryOfNeed", "summary", "outcomeReason", "transferCriteria",
            "strategyAttendees", "strategyReason", "s47ConcludedOn", "s47Reason", "conferenceHeldOn", "categoryOfAbuse");

    private record Step(CaseStage stage, Set<String> roles, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        Map<String, Object> handle(DelegateTask task, FormValues form, String userId);
    }

    private final ReferralService referrals;
    private final IdentityService identity;
    private final Map<String, Step> steps;

    ReferralTaskListener(ReferralService referrals, IdentityService identity) {
        this.referrals = referrals;
        this.identity = identity;
        this.steps = Map.ofEntries(
                Map.entry("UserTask_PoliceContribution", new Step(CaseStage.MULTI_AGENCY_SCREENING, SCREENING,
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.POLICE, f, u))),
                Map.entry("UserTask_HealthContribution", new Step(CaseStage.MULTI_AGENCY_SCREENING, SCREENING,
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.HEALTH, f, u))),
                Map.entry("UserTask_SocialCareContribution", new Step(CaseStage.MULTI_AGENCY_SCREENING, Set.of(),
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.SOCIAL_CARE, f, u))),
                Map.entry("UserTask_JointScreeningDecision", new Step(CaseStage.MULTI_AGENCY_SCREENING, Set.of(),
                        (t, f, u) -> referrals.screen(caseId(t), contactId(t), f, u))),
                Map.entry("UserTask_RecordReferralDecision", new Step(CaseStage.REFERRAL_DECISION, MANAGERS,
                        (t, f, u) -> referrals.decide(caseId(t), contactId(t), (String) t.getVariable(PROPOSED_RESPONSE), f, u))),
                Map.entry("UserTask_AllocateWorker", new Step(CaseStage.ALLOCATION, MANAGERS,
                        (t, f, u) -> referrals.allocate(caseId(t), f, u))),
                Map.entry("UserTask_CompleteInitialAssessment", new Step(CaseStage.INITIAL_ASSESSMENT, Set.of(),
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.INITIAL, f, u))),
                Map.entry("UserTask_AuthoriseInitialAssessment", new Step(CaseStage.INITIAL_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.INITIAL, f, u))),
                Map.entry("UserTask_CompleteCoreAssessment", new Step(CaseStage.CORE_ASSESSMENT, Set.of(),
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.CORE, f, u))),
                Map.entry("UserTask_AuthoriseCoreAssessment", new Step(CaseStage.CORE_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.CORE, f, u))),
                Map.entry("UserTask_CompleteSingleAssessment", new Step(CaseStage.SINGLE_ASSESSMENT, Set.of(),
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.SINGLE, f, u))),
                Map.entry("UserTask_AuthoriseSingleAssessment", new Step(CaseStage.SINGLE_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.SINGLE, f, u))),
                Map.entry("UserTask_HoldStrategyDiscussion", new Step(CaseStage.STRATEGY_DISCUSSION, Set.of(),
                        (t, f, u) -> referrals.holdStrategyDiscussion(caseId(t), f, u))),
                Map.entry("UserTask_CompleteS47Enquiry", new Step(CaseStage.S47_ENQUIRY, Set.of(),
                        (t, f, u) -> referrals.concludeS47(caseId(t), f, u))),
                Map.entry("UserTask_HoldInitialConference", new Step(CaseStage.CHILD_PROTECTION_CONFERENCE, Set.of(),
                        (t, f, u) -> referrals.holdConference(caseId(t), f, u))));
    }

    @Override
    public void notify(DelegateTask task) {
        Step step = steps.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("No handler for task " + task.getTaskDefinitionKey());
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            referrals.moveTo(caseId(task), step.stage());
            return;
        }
        String userId = completingUser(task, step);
        Map<String, Object> routing;
        try {
            routing = step.handler().handle(task, new FormValues(task.getVariables()), userId);
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        }
        var execution = task.getExecution();
        execution.removeVariables(CASE_DATA.stream().filter(execution::hasVariable).toList());
        routing.forEach(execution::setVariable);
    }

    /** The signed-in user; engine calls without one (the engine's own jobs, tests) act as "system". */
    private String completingUser(DelegateTask task, Step step) {
        var user = EngineUser.current(identity);
        if (user.isEmpty()) {
            return task.getAssignee() != null ? task.getAssignee() : "system";
        }
        if (!step.roles().isEmpty() && step.roles().stream().noneMatch(user.get().groups()::contains)) {
            throw TaskRejection.forbidden("'" + task.getName() + "' is for " + String.join(" or ", step.roles()));
        }
        return user.get().id();
    }

    private static long caseId(DelegateTask task) {
        return ((Number) task.getVariable(CASE_ID)).longValue();
    }

    private static long contactId(DelegateTask task) {
        return ((Number) task.getVariable(CONTACT_ID)).longValue();
    }
}
