package uk.csc.workflow.review;

import java.time.LocalDate;

/**
 * The review an early request applies to. {@code arrangingNow}: the request brought arranging it
 * forward; false when the IRO was already arranging it.
 */
public record EarlyReview(int reviewNumber, LocalDate dueOn, boolean arrangingNow) {
}
