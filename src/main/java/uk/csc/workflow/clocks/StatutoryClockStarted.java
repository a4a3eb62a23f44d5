package uk.csc.workflow.clocks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A running statutory clock with the instants of its ladder, for the engine's timers.
 *
 * @param dueAt            the breach instant (end of the due day in London): team manager escalation
 * @param remindAt         the reminder to the worker
 * @param serviceManagerAt the second escalation
 */
public record StatutoryClockStarted(long deadlineId, String rule, LocalDate startedOn, LocalDate dueOn,
                                    Instant dueAt, Instant remindAt, Instant serviceManagerAt) {
}
