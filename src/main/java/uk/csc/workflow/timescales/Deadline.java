package uk.csc.workflow.timescales;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A computed statutory deadline.
 *
 * @param from    the local date the clock started
 * @param dueOn   the last local date (Europe/London) on which the work is in time
 * @param dueAt   the instant the clock runs out: the end of {@code dueOn} in London, or for an
 *                hours rule the exact elapsed instant; timers fire at this instant
 */
public record Deadline(String rule, LocalDate from, LocalDate dueOn, Instant dueAt, GuidanceProfile profile) {

    /** Met when done on or before the due date (London time). */
    public boolean isMetBy(LocalDate completedOn) {
        return !completedOn.isAfter(dueOn);
    }
}
