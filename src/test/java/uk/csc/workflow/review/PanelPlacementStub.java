package uk.csc.workflow.review;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.review.process.LookedAfterCare;

/** What the Reception into Care panel's placement step does: start care inside its own transaction. */
@Component("panelPlacementStub")
class PanelPlacementStub implements JavaDelegate {

    private final LookedAfterCare care;

    PanelPlacementStub(LookedAfterCare care) {
        this.care = care;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable("caseId")).longValue();
        String pi = care.startCare(caseId, new LookedAfterStart(LocalDate.parse((String) execution.getVariable("startDate")),
                (String) execution.getVariable("legalStatus"), "U4", "PR1", "S"), "panel.chair");
        execution.setVariable("lookedAfterProcessId", pi);
    }
}
