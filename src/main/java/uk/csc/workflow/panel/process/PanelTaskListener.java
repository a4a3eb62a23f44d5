package uk.csc.workflow.panel.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.PanelService;
import uk.csc.workflow.platform.process.FormTaskListener;

/** The panel's user tasks: who may complete each one and what records it. */
@Component("panelTasks")
class PanelTaskListener extends FormTaskListener {

    private static final Set<String> ANY_ROLE = Set.of();
    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SERVICE_MANAGERS = Set.of(Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> CHAIRS = Set.of(Groups.PANEL_CHAIR, Groups.ADMIN);

    private static final List<String> CASE_DATA = List.of("requestReason", "riskSummary", "familyOptions", "endorsementReason",
            "decisionReasons", "attendees", "conditions", "supportReviewOn", "additionalInformation", "legalStatus",
            "placementProvider", "preferenceReason", "approvalReason", "meetingHeldOn", "legalAdvice", "letterSentOn",
            "outcomeReason", "concludedOn", "proceedingsNotes", "carePlanCompletedOn", "permanencePlan", "carePlanSummary",
            "healthAssessmentOn", "healthNotes", "noticeSentOn", "noticeSentTo");

    private final Map<String, Step> steps;

    PanelTaskListener(PanelService panel, IdentityService identity) {
        super(identity, CASE_DATA);
        this.steps = Map.ofEntries(
                Map.entry("UserTask_PrepareRequest", new Step(MANAGERS, (t, f, u) -> panel.prepare(requestId(t), f, u))),
                Map.entry("UserTask_EndorseRequest", new Step(SERVICE_MANAGERS, (t, f, u) -> panel.endorse(requestId(t), f, u))),
                Map.entry("UserTask_RecordPanelDecision", new Step(CHAIRS, (t, f, u) -> panel.decide(requestId(t), f, u))),
                Map.entry("UserTask_ProvideMoreInformation",
                        new Step(MANAGERS, (t, f, u) -> panel.provideInformation(requestId(t), f, u))),
                Map.entry("UserTask_RecordEmergencyPlacement",
                        new Step(ANY_ROLE, (t, f, u) -> panel.recordPlacement(caseId(t), requestId(t), true, f, u))),
                Map.entry("UserTask_RecordPlacement",
                        new Step(ANY_ROLE, (t, f, u) -> panel.recordPlacement(caseId(t), requestId(t), false, f, u))),
                Map.entry("UserTask_ApproveResidentialPlacement",
                        new Step(SERVICE_MANAGERS, (t, f, u) -> panel.approvePlacement(longVariable(t, "placementId"), f, u))),
                Map.entry("UserTask_HoldLegalPlanningMeeting",
                        new Step(ANY_ROLE, (t, f, u) -> panel.legalPlanningMeeting(caseId(t), f, u))),
                Map.entry("UserTask_SendLetterBeforeProceedings",
                        new Step(ANY_ROLE, (t, f, u) -> panel.letterBeforeProceedings(caseId(t), f, u))),
                Map.entry("UserTask_HoldPreProceedingsMeeting",
                        new Step(ANY_ROLE, (t, f, u) -> panel.preProceedingsMeeting(caseId(t), f, u))),
                Map.entry("UserTask_ConcludeProceedings",
                        new Step(ANY_ROLE, (t, f, u) -> panel.concludeProceedings(caseId(t), f, u))),
                Map.entry("UserTask_CompleteCarePlan", new Step(ANY_ROLE, (t, f, u) -> panel.carePlan(caseId(t), f, u))),
                Map.entry("UserTask_RecordHealthAssessment",
                        new Step(ANY_ROLE, (t, f, u) -> panel.healthAssessment(caseId(t), f, u))),
                Map.entry("UserTask_SendPlacementNotice",
                        new Step(ANY_ROLE, (t, f, u) -> panel.placementNotice(caseId(t), f, u))));
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
