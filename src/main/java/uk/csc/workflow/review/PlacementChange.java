package uk.csc.workflow.review;

import java.time.LocalDate;

import uk.csc.workflow.platform.forms.FormValues;

/**
 * A new placement in the same period of care: a new SSDA903 episode. {@code intendedUntil18}: the
 * placement is meant to last until the child is 18 (visits every 3 months after its first year).
 */
public record PlacementChange(LocalDate startDate, String legalStatus, String placementType, String placementProvider,
                              String reasonForNewEpisode, Boolean intendedUntil18) {

    /** Codes trimmed, as they are checked and stored. */
    public PlacementChange normalised() {
        return new PlacementChange(startDate, FormValues.clean(legalStatus), FormValues.clean(placementType),
                FormValues.clean(placementProvider), FormValues.clean(reasonForNewEpisode), intendedUntil18);
    }
}
