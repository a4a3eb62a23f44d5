package uk.csc.workflow.review;

import java.time.LocalDate;

import uk.csc.workflow.platform.forms.FormValues;

/**
 * A child becoming looked after: the first episode of a period of care (SSDA903 codes, see
 * {@link uk.csc.workflow.codes.Ssda903}). {@code reasonForNewEpisode} is {@code S} for the first episode.
 */
public record LookedAfterStart(LocalDate startDate, String legalStatus, String placementType,
                               String placementProvider, String reasonForNewEpisode) {

    /** Codes trimmed, as they are checked and stored. */
    public LookedAfterStart normalised() {
        return new LookedAfterStart(startDate, FormValues.clean(legalStatus), FormValues.clean(placementType),
                FormValues.clean(placementProvider), FormValues.clean(reasonForNewEpisode));
    }
}
