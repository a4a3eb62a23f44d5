package uk.csc.workflow.panel.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.ChildBecameLookedAfter;
import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.panel.FirstCareClocks;
import uk.csc.workflow.panel.LegalProceedings;
import uk.csc.workflow.panel.PanelRequests;
import uk.csc.workflow.panel.Placements;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * The panel model's service tasks, called as {@code ${panelSteps.schedule(execution)}} and so on:
 * each is one line of glue between the model and the panel's services.
 */
@Component("panelSteps")
public class PanelDelegates {

    private final PanelRequests requests;
    private final Placements placements;
    private final FirstCareClocks careClocks;
    private final LegalProceedings legal;
    private final ApplicationEventPublisher events;

    PanelDelegates(PanelRequests requests, Placements placements, FirstCareClocks careClocks, LegalProceedings legal,
                   ApplicationEventPublisher events) {
        this.requests = requests;
        this.placements = placements;
        this.careClocks = careClocks;
        this.legal = legal;
        this.events = events;
    }

    /** Puts the request on the next sitting's agenda; the model's timer waits for it. */
    public void schedule(DelegateExecution execution) {
        requests.schedule(requestId(execution)).forEach(execution::setVariable);
    }

    public void issueProceedings(DelegateExecution execution) {
        legal.issueProceedings(caseId(execution), requestId(execution)).forEach(execution::setVariable);
    }

    /**
     * The child is placed: the looked-after review cycle starts, and so do the clocks of the
     * first statutory tasks (care plan, health assessment, placement notice for an emergency).
     */
    public void startCare(DelegateExecution execution, boolean emergency) {
        long caseId = caseId(execution);
        Placements.Placement placement = placements.currentPlacement(caseId);
        events.publishEvent(new ChildBecameLookedAfter(caseId, placement.startOn(), placement.legalStatus(),
                placement.placementType(), placement.provider(), "S"));
        careClocks.startCareClocks(caseId, placement.startOn(), emergency).forEach(clock -> ClockVariables.set(execution, clock));
        execution.setVariable(ReceptionIntoCarePanelModel.Variables.EMERGENCY_PLACEMENT, emergency);
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue();
    }

    private static long requestId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReceptionIntoCarePanelModel.Variables.REQUEST_ID)).longValue();
    }

}
