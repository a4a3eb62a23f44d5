package uk.csc.workflow.review.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.review.Ceasing;
import uk.csc.workflow.review.EpisodeService;
import uk.csc.workflow.review.LookedAfterReviewsModel;

/**
 * Message_CeasedLookedAfter (date and SSDA903 reason): close the episode and the period and stop
 * every clock. The interrupting event sub-process around this task has already cancelled the
 * reviews, visits and their timers.
 */
@Component("closeCare")
class CloseCareDelegate implements JavaDelegate {

    private final EpisodeService episodes;

    CloseCareDelegate(EpisodeService episodes) {
        this.episodes = episodes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object ceasedBy = execution.getVariable(LookedAfterReviewsModel.Variables.CEASED_BY);
        episodes.cease(CaseVariables.id(execution, LookedAfterReviewsModel.Variables.PERIOD_ID),
                new Ceasing(LocalDate.parse(execution.getVariable(LookedAfterReviewsModel.Variables.CEASED_ON).toString()), (String) execution.getVariable(LookedAfterReviewsModel.Variables.REASON_CEASED)),
                ceasedBy == null ? "system" : ceasedBy.toString());
    }
}
