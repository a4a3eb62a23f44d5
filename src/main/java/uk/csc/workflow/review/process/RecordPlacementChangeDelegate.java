package uk.csc.workflow.review.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.review.EpisodeService;
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
        var change = new PlacementChange(LocalDate.parse(execution.getVariable("placementStartedOn").toString()),
                (String) execution.getVariable("legalStatus"), (String) execution.getVariable("placementType"),
                (String) execution.getVariable("placementProvider"), (String) execution.getVariable("reasonForNewEpisode"),
                Boolean.TRUE.equals(execution.getVariable("intendedUntil18")));
        Object changedBy = execution.getVariable("changedBy");
        episodes.changePlacement(CareVariables.periodId(execution), change, changedBy == null ? "system" : changedBy.toString());
        execution.removeVariable("changedBy");
    }
}
