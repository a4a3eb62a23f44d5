package uk.csc.workflow.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A review, sign-off or visit with its statutory clock, for the engine's timers.
 *
 * @param recordId   the review or visit row
 * @param number     its sequence number within the case
 * @param occurrence tells this clock from the case's other reviews or visits (CaseClocks)
 * @param inviteAt   reviews only: when the IRO should send the invitations
 * @param arrangeNow reviews only: the invitations are due already (or an early review was asked for)
 */
public record CareClock(long recordId, int number, String rule, String occurrence, LocalDate dueOn, Instant dueAt,
                        Instant remindAt, Instant serviceManagerAt, Instant inviteAt, boolean arrangeNow) {
}
