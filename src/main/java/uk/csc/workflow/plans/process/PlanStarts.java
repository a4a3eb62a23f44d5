package uk.csc.workflow.plans.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseRouteEnded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.ChildInNeedPlans;
import uk.csc.workflow.plans.FamilyHelpPlanModel;
import uk.csc.workflow.plans.FamilyHelpPlans;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.plans.ChildProtectionPlans;
import uk.csc.workflow.plans.OpenPlan;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.security.CaseAccess;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/**
 * Camunda adapter: starts a plan's process for a case in the transaction that decided it, so there
 * is never a plan without a process or a process without a plan. A route that ends in a plan
 * (the referral route's initial conference, a child protection plan's step-down) starts it; a
 * transfer-in conference starts a child protection plan through the API; a child in need or Family
 * Help plan that steps up starts the referral route at its strategy discussion.
 */
@Component
public class PlanStarts {

    private static final Set<String> RECORD_TRANSFER_IN = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.IRO, Groups.ADMIN);
    /** Who reads a plan's instance beside the case's team (the engine's grants follow the case). */
    private static final List<String> PROTECTION_READERS = List.of(Groups.SERVICE_MANAGER, Groups.IRO);
    private static final List<String> IN_NEED_READERS = List.of(Groups.SERVICE_MANAGER);
    private static final Set<String> STEP_UP = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);

    private final ChildProtectionPlans protection;
    private final ChildInNeedPlans inNeed;
    private final FamilyHelpPlans familyHelp;
    private final CaseFileService cases;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final CaseAccess access;

    PlanStarts(ChildProtectionPlans protection, ChildInNeedPlans inNeed, FamilyHelpPlans familyHelp, CaseFileService cases,
               StaffDirectory staff, RuntimeService runtime, CaseAccess access) {
        this.familyHelp = familyHelp;
        this.access = access;
        this.protection = protection;
        this.inNeed = inNeed;
        this.cases = cases;
        this.staff = staff;
        this.runtime = runtime;
    }

    /** A route ended: a plan it ended in starts, or the referral route takes over a plan that stepped up. */
    @EventListener
    public void onRouteEnded(CaseRouteEnded ended) {
        if (ended.outcome() == CaseOutcome.CHILD_PROTECTION_PLAN) {
            startChildProtectionPlan(protection.startFromConference(ended.caseId(), "system"), ended.caseId());
        } else if (ended.outcome() == CaseOutcome.CHILD_IN_NEED_PLAN) {
            startChildInNeedPlan(inNeed.start(ended.caseId(), "system"), ended.caseId());
        } else if (ended.outcome() == CaseOutcome.FAMILY_HELP_PLAN || ended.outcome() == CaseOutcome.STEPPED_DOWN_TO_FAMILY_HELP) {
            startFamilyHelpPlan(familyHelp.start(ended.caseId(), "system"), ended.caseId());
        } else if (ended.outcome() == CaseOutcome.STEPPED_UP_TO_STRATEGY_DISCUSSION) {
            startStrategyDiscussion(cases.get(ended.caseId()));
        }
    }

    /**
     * {@code POST /api/cases/{ref}/cp-plans}: a transfer-in conference for a child who moved in on
     * another council's plan. The case's referral route, if still open, ends in "transferred in on a
     * child protection plan" (its clocks stop); the plan's process starts. Answers the plan.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Map<String, Object> transferIn(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = permitted(caseRef, user, RECORD_TRANSFER_IN, "Only a team manager, service manager or the conference chair records a transfer-in conference");
        long planId = protection.startTransferIn(record, new FormValues(body), user.id());
        boolean routeEnded = !runtime.createMessageCorrelation(ReferralToAssessmentModel.Messages.TRANSFERRED_IN_ON_PLAN)
                .processInstanceBusinessKey(record.caseRef()).correlateAllWithResult().isEmpty();
        if (!routeEnded) {
            cases.endRoute(record.id(), CaseOutcome.TRANSFERRED_IN_ON_CHILD_PROTECTION_PLAN);
        }
        String processInstanceId = startChildProtectionPlan(planId, record.id());
        Map<String, Object> answer = new HashMap<>();
        answer.put(CaseVariables.CASE_REF, record.caseRef());
        answer.put("planId", planId);
        answer.put("processInstanceId", processInstanceId);
        answer.put("referralRouteEnded", routeEnded);
        return answer;
    }

    /**
     * {@code POST /api/cases/{ref}/cin-plan/step-up}: concerns of significant harm between reviews.
     * The plan ends at once and the referral route's strategy discussion starts for the case. The
     * reason (free text about the child) reaches the plan tables through a transient variable, so
     * the engine never stores it.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Map<String, Object> stepUp(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = permitted(caseRef, user, STEP_UP, "Only the case's social workers and managers step a plan up");
        OpenPlan plan = inNeed.openPlan(record.id())
                .orElseThrow(() -> new BadRequestException("caseRef", record.caseRef() + " has no open child in need plan"));
        String reason = inNeed.stepUpReason(new FormValues(body));
        runtime.createMessageCorrelation(ChildInNeedPlanModel.Messages.CONCERNS_OF_SIGNIFICANT_HARM)
                .processInstanceId(plan.processInstanceId())
                .setVariable(ChildInNeedPlanModel.Variables.STEP_UP_REASON, Variables.stringValue(reason, true))
                .setVariable(ChildInNeedPlanModel.Variables.STEP_UP_BY, Variables.stringValue(user.id(), true))
                .correlate();
        return steppedUp(record, plan);
    }

    /**
     * {@code POST /api/cases/{ref}/family-help-plan/step-up}: concerns of significant harm between
     * Family Help reviews. The plan ends at once (its named step-up end) and the referral route's
     * strategy discussion starts for the case. The reason reaches the plan tables through a
     * transient variable, so the engine never stores it.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Map<String, Object> stepUpFamilyHelp(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = permitted(caseRef, user, STEP_UP, "Only the case's social workers and managers step a plan up");
        OpenPlan plan = familyHelp.openPlan(record.id())
                .orElseThrow(() -> new BadRequestException("caseRef", record.caseRef() + " has no open Family Help plan"));
        String reason = familyHelp.stepUpReason(new FormValues(body));
        runtime.createMessageCorrelation(FamilyHelpPlanModel.Messages.STEP_UP)
                .processInstanceId(plan.processInstanceId())
                .setVariable(FamilyHelpPlanModel.Variables.STEP_UP_REASON, Variables.stringValue(reason, true))
                .setVariable(FamilyHelpPlanModel.Variables.STEP_UP_BY, Variables.stringValue(user.id(), true))
                .correlate();
        return steppedUp(record, plan);
    }

    /** The answer to a step-up: the plan that ended and the referral route now open at its strategy discussion. */
    private Map<String, Object> steppedUp(CaseRecord record, OpenPlan plan) {
        var route = runtime.createProcessInstanceQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID)
                .processInstanceBusinessKey(record.caseRef()).active().orderByProcessInstanceId().desc().list();
        Map<String, Object> answer = new HashMap<>();
        answer.put(CaseVariables.CASE_REF, record.caseRef());
        answer.put("planId", plan.planId());
        answer.put("processInstanceId", route.isEmpty() ? null : route.get(0).getId());
        return answer;
    }

    private CaseRecord permitted(String caseRef, CurrentUser user, Set<String> roles, String refusal) {
        CaseRecord record = cases.readable(caseRef, user);
        if (roles.stream().noneMatch(user::isIn)) {
            throw new AccessDeniedException(refusal);
        }
        return record;
    }

    private String startChildProtectionPlan(long planId, long caseId) {
        CaseRecord record = cases.get(caseId);
        Map<String, Object> variables = variables(record, ChildProtectionPlanModel.Variables.PLAN_ID, planId);
        variables.put(CaseVariables.WORKER, protection.worker(planId, record.worker()));
        String id = runtime.startProcessInstanceByKey(ChildProtectionPlanModel.PROCESS_ID, record.caseRef(), variables).getId();
        protection.attachProcess(planId, id);
        access.open(id, record.team(), PROTECTION_READERS);
        return id;
    }

    private void startChildInNeedPlan(long planId, long caseId) {
        CaseRecord record = cases.get(caseId);
        String id = runtime.startProcessInstanceByKey(ChildInNeedPlanModel.PROCESS_ID, record.caseRef(),
                variables(record, ChildInNeedPlanModel.Variables.PLAN_ID, planId)).getId();
        inNeed.attachProcess(planId, id);
        access.open(id, record.team(), IN_NEED_READERS);
    }

    private void startFamilyHelpPlan(long planId, long caseId) {
        CaseRecord record = cases.get(caseId);
        String id = runtime.startProcessInstanceByKey(FamilyHelpPlanModel.PROCESS_ID, record.caseRef(),
                variables(record, FamilyHelpPlanModel.Variables.PLAN_ID, planId)).getId();
        familyHelp.attachProcess(planId, id);
        access.open(id, record.team(), IN_NEED_READERS);
    }

    /**
     * The referral route for the case again, from where its strategy discussion opens (allocated worker, the case's
     * profile; the multi-agency child protection setting is read there, as for any strategy discussion).
     */
    private void startStrategyDiscussion(CaseRecord record) {
        Map<String, Object> variables = caseVariables(record);
        variables.put(ReferralToAssessmentModel.Variables.PROFILE, record.profile());
        String id = runtime.createProcessInstanceByKey(ReferralToAssessmentModel.PROCESS_ID).businessKey(record.caseRef())
                .setVariables(variables).startBeforeActivity(ReferralToAssessmentModel.Elements.FIX_CHILD_PROTECTION_WAY).execute().getId();
        cases.attachProcess(record.id(), id);
        access.open(id, record.team(), IN_NEED_READERS);
    }

    /** Ids and who works the case; the plan itself is in the plan tables. */
    private Map<String, Object> variables(CaseRecord record, String planVariable, long planId) {
        Map<String, Object> variables = caseVariables(record);
        variables.put(planVariable, planId);
        return variables;
    }

    private Map<String, Object> caseVariables(CaseRecord record) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_ID, record.id());
        variables.put(CaseVariables.CASE_REF, record.caseRef());
        variables.put(CaseVariables.TEAM, record.team());
        variables.put(CaseVariables.TEAM_MANAGERS, CandidateUsers.of(staff.teamManagers(record.team())));
        variables.put(CaseVariables.WORKER, record.worker());
        return variables;
    }
}
