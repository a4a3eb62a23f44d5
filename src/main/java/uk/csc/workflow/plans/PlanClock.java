package uk.csc.workflow.plans;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A review, core group meeting or visit of a plan with its statutory clock, for the engine's timers.
 *
 * @param itemId     the plan_item row
 * @param number     its number within the plan (the first review is 1)
 * @param occurrence tells this clock from the case's others of the same rule (CaseClocks)
 */
public record PlanClock(long itemId, int number, String rule, String occurrence, LocalDate dueOn, Instant dueAt,
                        Instant remindAt, Instant serviceManagerAt) {
}
