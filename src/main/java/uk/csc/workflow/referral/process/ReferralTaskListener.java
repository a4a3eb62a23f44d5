package uk.csc.workflow.referral.process;

import static uk.csc.workflow.platform.process.CaseVariables.CASE_ID;
import static uk.csc.workflow.referral.ReferralToAssessmentModel.Variables.CONTACT_ID;
import static uk.csc.workflow.referral.ReferralToAssessmentModel.Variables.PROPOSED_RESPONSE;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;
import uk.csc.workflow.referral.ReferralCodes.Agency;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;
import uk.csc.workflow.referral.ReferralService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/** The referral route's user tasks: each one's role, its stage and the service method that records it. */
@Component("referralTasks")
class ReferralTaskListener extends FormTaskListener {

    private static final Set<String> ANY_ROLE = Set.of();
    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SCREENING = Set.of(Groups.MASH, Groups.ADMIN);
    /** The multi-agency strategy discussion: a lead child protection practitioner (a service manager where the team has none). */
    private static final Set<String> LEADS = Set.of(Groups.LEAD_CP_PRACTITIONER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    /** The joint decision: the screening team with the case's team. */
    private static final Set<String> JOINT_SCREENING =
            Set.of(Groups.MASH, Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);


    private final ReferralService referrals;
    private final Map<String, Step> steps;

    ReferralTaskListener(ReferralService referrals, IdentityService identity, CaseAuthority cases, AllocationChoices choices) {
        super(identity, ReferralToAssessmentModel.CASE_DATA, cases);
        this.referrals = referrals;
        this.steps = Map.ofEntries(
                step(ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION, CaseStage.MULTI_AGENCY_SCREENING, SCREENING,
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.POLICE, f, u)),
                step(ReferralToAssessmentModel.Tasks.HEALTH_CONTRIBUTION, CaseStage.MULTI_AGENCY_SCREENING, SCREENING,
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.HEALTH, f, u)),
                step(ReferralToAssessmentModel.Tasks.SOCIAL_CARE_CONTRIBUTION, CaseStage.MULTI_AGENCY_SCREENING, ANY_ROLE,
                        (t, f, u) -> referrals.contribute(caseId(t), contactId(t), Agency.SOCIAL_CARE, f, u)),
                step(ReferralToAssessmentModel.Tasks.JOINT_SCREENING_DECISION, CaseStage.MULTI_AGENCY_SCREENING, JOINT_SCREENING,
                        (t, f, u) -> referrals.screen(caseId(t), contactId(t), f, u)),
                step(ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION, CaseStage.REFERRAL_DECISION, MANAGERS,
                        (t, f, u) -> referrals.decide(caseId(t), contactId(t), (String) t.getVariable(PROPOSED_RESPONSE), f, u)),
                Map.entry(ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER, new Step(MANAGERS,
                        (t, f, u) -> referrals.allocate(caseId(t), f, u), task -> {
                            referrals.moveTo(caseId(task), CaseStage.ALLOCATION);
                            choices.offer(task);
                        })),
                step(ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT, CaseStage.INITIAL_ASSESSMENT, ANY_ROLE,
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.INITIAL, f, u)),
                step(ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, CaseStage.INITIAL_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.INITIAL, f, u)),
                step(ReferralToAssessmentModel.Tasks.COMPLETE_CORE_ASSESSMENT, CaseStage.CORE_ASSESSMENT, ANY_ROLE,
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.CORE, f, u)),
                step(ReferralToAssessmentModel.Tasks.AUTHORISE_CORE_ASSESSMENT, CaseStage.CORE_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.CORE, f, u)),
                step(ReferralToAssessmentModel.Tasks.COMPLETE_SINGLE_ASSESSMENT, CaseStage.SINGLE_ASSESSMENT, ANY_ROLE,
                        (t, f, u) -> referrals.completeAssessment(caseId(t), AssessmentKind.SINGLE, f, u)),
                step(ReferralToAssessmentModel.Tasks.AUTHORISE_SINGLE_ASSESSMENT, CaseStage.SINGLE_ASSESSMENT, MANAGERS,
                        (t, f, u) -> referrals.authoriseAssessment(caseId(t), AssessmentKind.SINGLE, f, u)),
                step(ReferralToAssessmentModel.Tasks.HOLD_STRATEGY_DISCUSSION, CaseStage.STRATEGY_DISCUSSION, ANY_ROLE,
                        (t, f, u) -> referrals.holdStrategyDiscussion(caseId(t), f, u)),
                step(ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY, CaseStage.S47_ENQUIRY, ANY_ROLE,
                        (t, f, u) -> referrals.concludeS47(caseId(t), f, u)),
                step(ReferralToAssessmentModel.Tasks.HOLD_INITIAL_CONFERENCE, CaseStage.CHILD_PROTECTION_CONFERENCE, ANY_ROLE,
                        (t, f, u) -> referrals.holdConference(caseId(t), f, u)),
                contribution(ReferralToAssessmentModel.Tasks.POLICE_STRATEGY_CONTRIBUTION, CaseStage.STRATEGY_DISCUSSION, Agency.POLICE, Groups.MACT_POLICE),
                contribution(ReferralToAssessmentModel.Tasks.HEALTH_STRATEGY_CONTRIBUTION, CaseStage.STRATEGY_DISCUSSION, Agency.HEALTH, Groups.MACT_HEALTH),
                contribution(ReferralToAssessmentModel.Tasks.EDUCATION_STRATEGY_CONTRIBUTION, CaseStage.STRATEGY_DISCUSSION, Agency.EDUCATION,
                        Groups.MACT_EDUCATION),
                step(ReferralToAssessmentModel.Tasks.LEAD_STRATEGY_DISCUSSION, CaseStage.STRATEGY_DISCUSSION, LEADS,
                        (t, f, u) -> referrals.leadStrategyDiscussion(caseId(t), f, u)),
                contribution(ReferralToAssessmentModel.Tasks.POLICE_S47_CONTRIBUTION, CaseStage.S47_ENQUIRY, Agency.POLICE, Groups.MACT_POLICE),
                contribution(ReferralToAssessmentModel.Tasks.HEALTH_S47_CONTRIBUTION, CaseStage.S47_ENQUIRY, Agency.HEALTH, Groups.MACT_HEALTH),
                contribution(ReferralToAssessmentModel.Tasks.EDUCATION_S47_CONTRIBUTION, CaseStage.S47_ENQUIRY, Agency.EDUCATION,
                        Groups.MACT_EDUCATION));
    }

    /** An agency member's contribution to the multi-agency child protection team's work: that agency's members only. */
    private Map.Entry<String, Step> contribution(String taskKey, CaseStage stage, Agency agency, String group) {
        return step(taskKey, stage, Set.of(group, Groups.ADMIN),
                (t, f, u) -> referrals.contributeToChildProtection(caseId(t), stage, agency, f, u));
    }

    private Map.Entry<String, Step> step(String taskKey, CaseStage stage, Set<String> roles, Handler handler) {
        return Map.entry(taskKey, new Step(roles, handler, task -> referrals.moveTo(caseId(task), stage)));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }

    private static long caseId(DelegateTask task) {
        return longVariable(task, CASE_ID);
    }

    private static long contactId(DelegateTask task) {
        return longVariable(task, CONTACT_ID);
    }
}
