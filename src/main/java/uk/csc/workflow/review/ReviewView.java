package uk.csc.workflow.review;

import java.time.LocalDate;

/**
 * One review of a child in care, for the API and the SSDA903 reviews table.
 *
 * @param status OPEN, BREACHED (due date passed, not held), MET, MET_LATE or CANCELLED (care ended first)
 */
public record ReviewView(int sequenceNumber, String rule, LocalDate countedFrom, LocalDate dueOn, LocalDate heldOn,
                         String participation, boolean late, boolean early, LocalDate signedOffOn, String status) {
}
