package uk.csc.workflow.plans.process;

import static uk.csc.workflow.platform.process.CaseVariables.id;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Tasks;
import uk.csc.workflow.plans.ChildInNeedPlanModel.Variables;
import uk.csc.workflow.plans.ChildInNeedPlans;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;

/** childInNeedPlan's user tasks: who may complete each, and what records it. Reviews are the team manager's. */
@Component("cinPlanTasks")
class CinPlanTaskListener extends FormTaskListener {

    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SOCIAL_WORKERS = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN);

    private final Map<String, Step> steps;

    CinPlanTaskListener(ChildInNeedPlans plans, IdentityService identity, CaseAuthority cases) {
        super(identity, ChildInNeedPlanModel.CASE_DATA, cases);
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
