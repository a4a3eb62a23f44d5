package uk.csc.workflow.review;

import java.time.LocalDate;

/** The end of a period of care: the date and the SSDA903 reason (REC). */
public record Ceasing(LocalDate ceasedOn, String reason) {
}
