package uk.csc.workflow.review;

/** Why the next review is needed early, e.g. the IRO asked, or a significant change to the care plan. */
public record EarlyReviewRequest(String reason) {
}
