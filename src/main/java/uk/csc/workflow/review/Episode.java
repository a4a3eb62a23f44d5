package uk.csc.workflow.review;

import java.time.LocalDate;

/** An SSDA903 episode: one legal status and placement within a period of care. */
public record Episode(long id, long periodId, LocalDate startedOn, String reasonForNewEpisode, String legalStatus,
                      String placementType, String placementProvider, boolean intendedUntil18, LocalDate endedOn) {
}
