package uk.csc.workflow.plans.process;

import static uk.csc.workflow.platform.process.CaseVariables.id;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Tasks;
import uk.csc.workflow.plans.ChildProtectionPlanModel.Variables;
import uk.csc.workflow.plans.ChildProtectionPlans;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;

/** childProtectionPlan's user tasks: who may complete each, and what records it. The conference chair is the IRO service. */
@Component("cpPlanTasks")
class CpPlanTaskListener extends FormTaskListener {

    private static final Set<String> CHAIR = Set.of(Groups.IRO, Groups.ADMIN);
    private static final Set<String> SOCIAL_WORKERS = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN,
            Groups.LEAD_CP_PRACTITIONER);

    private final Map<String, Step> steps;

    CpPlanTaskListener(ChildProtectionPlans plans, IdentityService identity, CaseAuthority cases) {
        super(identity, ChildProtectionPlanModel.CASE_DATA, cases);
        this.steps = Map.of(
                Tasks.HOLD_CORE_GROUP_MEETING, new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    plans.holdCoreGroup(id(t, Variables.CORE_GROUP_ID), f, u);
                    return Map.of();
                }),
                Tasks.RECORD_VISIT, new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    plans.recordVisit(id(t, Variables.VISIT_ID), f, u);
                    return Map.of();
                }),
                Tasks.HOLD_REVIEW_CONFERENCE, new Step(CHAIR, (t, f, u) -> plans.holdReview(id(t, Variables.REVIEW_ID), f, u)));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }
}
