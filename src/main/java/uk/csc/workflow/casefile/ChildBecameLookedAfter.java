package uk.csc.workflow.casefile;

import java.time.LocalDate;

/**
 * A child became looked after on {@code startDate} (the panel's placement step). Published in
 * the placing transaction; the looked-after review cycle starts from it.
 *
 * @param reasonForNewEpisode SSDA903 RNE code ({@code S} for a first episode)
 */
public record ChildBecameLookedAfter(long caseId, LocalDate startDate, String legalStatus, String placementType,
                                     String placementProvider, String reasonForNewEpisode) {
}
