package uk.csc.workflow.review.process;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.ChildBecameLookedAfter;
import uk.csc.workflow.review.LookedAfterStart;

/**
 * The Reception into Care panel placed the child: the period of care and its review cycle start
 * in the same transaction (a refused start rolls the placement step back too).
 */
@Component
class PlacedByPanelListener {

    private final LookedAfterCare care;

    PlacedByPanelListener(LookedAfterCare care) {
        this.care = care;
    }

    @EventListener
    public void onPlaced(ChildBecameLookedAfter placed) {
        care.startCare(placed.caseId(), new LookedAfterStart(placed.startDate(), placed.legalStatus(), placed.placementType(),
                placed.placementProvider(), placed.reasonForNewEpisode()), "system");
    }
}
