package uk.csc.workflow.panel.process;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.csc.workflow.clocks.process.ClockVariables;
import org.springframework.context.ApplicationEventPublisher;

import uk.csc.workflow.casefile.ChildBecameLookedAfter;
import uk.csc.workflow.panel.PanelService;

/**
 * The panel model's service tasks, called as {@code ${panelSteps.schedule(execution)}} and so on:
 * each is one line of glue between the model and {@link PanelService}.
 */
@Component("panelSteps")
public class PanelDelegates {

    private final PanelService panel;
    private final ApplicationEventPublisher events;

    PanelDelegates(PanelService panel, ApplicationEventPublisher events) {
        this.panel = panel;
        this.events = events;
    }

    /** Puts the request on the next sitting's agenda; the model's timer waits for it. */
    public void schedule(DelegateExecution execution) {
        panel.schedule(requestId(execution)).forEach(execution::setVariable);
    }

    public void issueProceedings(DelegateExecution execution) {
        panel.issueProceedings(caseId(execution)).forEach(execution::setVariable);
    }

    /**
     * The child is placed: the looked-after review cycle starts, and so do the clocks of the
     * first statutory tasks (care plan, health assessment, placement notice for an emergency).
     */
    public void startCare(DelegateExecution execution, boolean emergency) {
        long caseId = caseId(execution);
        PanelService.Placement placement = panel.currentPlacement(caseId);
        events.publishEvent(new ChildBecameLookedAfter(caseId, placement.startOn(), placement.legalStatus(),
                placement.placementType(), placement.provider(), "S"));
        panel.startCareClocks(caseId, placement.startOn(), emergency).forEach(clock -> ClockVariables.set(execution, clock));
        execution.setVariable("emergencyPlacement", emergency);
    }

    private static long caseId(DelegateExecution execution) {
        return ((Number) execution.getVariable("caseId")).longValue();
    }

    private static long requestId(DelegateExecution execution) {
        return ((Number) execution.getVariable("requestId")).longValue();
    }

}
