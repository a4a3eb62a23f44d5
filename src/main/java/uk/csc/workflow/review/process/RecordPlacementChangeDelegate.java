package uk.csc.workflow.review.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.review.EpisodeService;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.review.PlacementChange;

/**
 * Message_PlacementChanged carries the new placement (its codes become the process's current
 * placement): record it as a new episode. The visit loop then starts again with the first visit.
 */
@Component("recordPlacementChange")
class RecordPlacementChangeDelegate implements JavaDelegate {

    private final EpisodeService episodes;

    RecordPlacementChangeDelegate(EpisodeService episodes) {
        this.episodes = episodes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var change = new PlacementChange(LocalDate.parse(execution.getVariable(LookedAfterReviewsModel.Variables.PLACEMENT_STARTED_ON).toString()),
                (String) execution.getVariable(LookedAfterReviewsModel.Variables.LEGAL_STATUS), (String) execution.getVariable(LookedAfterReviewsModel.Variables.PLACEMENT_TYPE),
                (String) execution.getVariable(LookedAfterReviewsModel.Variables.PLACEMENT_PROVIDER), (String) execution.getVariable(LookedAfterReviewsModel.Variables.REASON_FOR_NEW_EPISODE),
                Boolean.TRUE.equals(execution.getVariable(LookedAfterReviewsModel.Variables.INTENDED_UNTIL18)));
        Object changedBy = execution.getVariable(LookedAfterReviewsModel.Variables.CHANGED_BY);
        episodes.changePlacement(CaseVariables.id(execution, LookedAfterReviewsModel.Variables.PERIOD_ID), change, changedBy == null ? "system" : changedBy.toString());
        execution.removeVariable(LookedAfterReviewsModel.Variables.CHANGED_BY);
    }
}
