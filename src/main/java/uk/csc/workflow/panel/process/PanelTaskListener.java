package uk.csc.workflow.panel.process;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.FirstCareClocks;
import uk.csc.workflow.panel.LegalProceedings;
import uk.csc.workflow.panel.PanelDecisions;
import uk.csc.workflow.panel.PanelRequests;
import uk.csc.workflow.panel.Placements;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;

/** The panel's user tasks: who may complete each one and what records it. */
@Component("panelTasks")
class PanelTaskListener extends FormTaskListener {

    private static final Set<String> ANY_ROLE = Set.of();
    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SERVICE_MANAGERS = Set.of(Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> CHAIRS = Set.of(Groups.PANEL_CHAIR, Groups.ADMIN);


    private final Map<String, Step> steps;

    PanelTaskListener(PanelRequests requests, PanelDecisions decisions, Placements placements, FirstCareClocks careClocks,
                      LegalProceedings legal, IdentityService identity, CaseAuthority cases) {
        super(identity, ReceptionIntoCarePanelModel.CASE_DATA, cases);
        this.steps = Map.ofEntries(
                Map.entry(ReceptionIntoCarePanelModel.Tasks.PREPARE_REQUEST, new Step(MANAGERS, (t, f, u) -> requests.prepare(requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.ENDORSE_REQUEST, new Step(SERVICE_MANAGERS, (t, f, u) -> requests.endorse(requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION, new Step(CHAIRS, (t, f, u) -> decisions.decide(requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.PROVIDE_MORE_INFORMATION,
                        new Step(MANAGERS, (t, f, u) -> requests.provideInformation(requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.RECORD_EMERGENCY_PLACEMENT,
                        new Step(ANY_ROLE, (t, f, u) -> placements.recordPlacement(caseId(t), requestId(t), true, f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.RECORD_PLACEMENT,
                        new Step(ANY_ROLE, (t, f, u) -> placements.recordPlacement(caseId(t), requestId(t), false, f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.APPROVE_RESIDENTIAL_PLACEMENT,
                        new Step(SERVICE_MANAGERS, (t, f, u) -> placements.approvePlacement(longVariable(t, "placementId"), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.HOLD_LEGAL_PLANNING_MEETING,
                        new Step(ANY_ROLE, (t, f, u) -> legal.legalPlanningMeeting(caseId(t), requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.SEND_LETTER_BEFORE_PROCEEDINGS,
                        new Step(ANY_ROLE, (t, f, u) -> legal.letterBeforeProceedings(caseId(t), requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.RECORD_FAMILY_GROUP_ANSWER,
                        new Step(ANY_ROLE, (t, f, u) -> legal.familyGroupAnswer(caseId(t), requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.HOLD_FAMILY_GROUP_MEETING,
                        new Step(ANY_ROLE, (t, f, u) -> legal.familyGroupMeeting(caseId(t), requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.HOLD_PRE_PROCEEDINGS_MEETING,
                        new Step(ANY_ROLE, (t, f, u) -> legal.preProceedingsMeeting(caseId(t), requestId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.CONCLUDE_PROCEEDINGS,
                        new Step(ANY_ROLE, (t, f, u) -> legal.concludeProceedings(caseId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.COMPLETE_CARE_PLAN, new Step(ANY_ROLE, (t, f, u) -> careClocks.carePlan(caseId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.RECORD_HEALTH_ASSESSMENT,
                        new Step(ANY_ROLE, (t, f, u) -> careClocks.healthAssessment(caseId(t), f, u))),
                Map.entry(ReceptionIntoCarePanelModel.Tasks.SEND_PLACEMENT_NOTICE,
                        new Step(ANY_ROLE, (t, f, u) -> careClocks.placementNotice(caseId(t), f, u))));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }

    private static long caseId(DelegateTask task) {
        return longVariable(task, "caseId");
    }

    private static long requestId(DelegateTask task) {
        return longVariable(task, "requestId");
    }
}
