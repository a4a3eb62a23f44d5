package uk.csc.workflow.plans.process;

import static uk.csc.workflow.platform.process.CaseVariables.id;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.plans.FamilyHelpPlanModel;
import uk.csc.workflow.plans.FamilyHelpPlanModel.Tasks;
import uk.csc.workflow.plans.FamilyHelpPlanModel.Variables;
import uk.csc.workflow.plans.FamilyHelpPlans;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;

/** familyHelpPlan's user tasks: the lead practitioner agrees the plan and visits the child; reviews are the team manager's. */
@Component("familyHelpTasks")
class FamilyHelpPlanTaskListener extends FormTaskListener {

    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SOCIAL_WORKERS = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN);

    private final Map<String, Step> steps;

    FamilyHelpPlanTaskListener(FamilyHelpPlans plans, IdentityService identity, CaseAuthority cases) {
        super(identity, FamilyHelpPlanModel.CASE_DATA, cases);
        this.steps = Map.of(
                Tasks.AGREE_PLAN, new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    plans.agree(id(t, Variables.PLAN_ID), f, u);
                    return Map.of();
                }),
                Tasks.RECORD_VISIT, new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    plans.recordVisit(id(t, Variables.VISIT_ID), f, u);
                    return Map.of();
                }),
                Tasks.HOLD_REVIEW, new Step(MANAGERS, (t, f, u) -> plans.holdReview(id(t, Variables.REVIEW_ID), f, u)));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }
}
