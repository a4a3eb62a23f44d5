package uk.csc.workflow.review;

import java.time.LocalDate;

/**
 * A new placement in the same period of care: a new SSDA903 episode. {@code intendedUntil18}: the
 * placement is meant to last until the child is 18 (visits every 3 months after its first year).
 */
public record PlacementChange(LocalDate startDate, String legalStatus, String placementType, String placementProvider,
                              String reasonForNewEpisode, Boolean intendedUntil18) {
}
