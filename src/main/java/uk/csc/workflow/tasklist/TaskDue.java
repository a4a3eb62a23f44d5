package uk.csc.workflow.tasklist;

import java.time.Instant;
import java.time.LocalDate;

import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * Where a task stands against its due date, on the statutory working-day calendar.
 *
 * @param dueOn           the London day it is due (null without a due date)
 * @param workingDaysLeft working days from today to that day; negative: working days overdue
 * @param status          OVERDUE once the due instant has passed, DUE_TODAY, DUE_SOON (within 2
 *                        working days), ON_TIME, or NO_DUE_DATE
 */
public record TaskDue(LocalDate dueOn, Integer workingDaysLeft, Status status) {

    public enum Status { ON_TIME, DUE_SOON, DUE_TODAY, OVERDUE, NO_DUE_DATE }

    /** Due within this many working days: DUE_SOON (as Tasklist's "Due in 2 working days" filter). */
    static final int SOON = 2;

    public static TaskDue of(Instant dueAt, Instant now, WorkingDayCalendar calendar) {
        if (dueAt == null) {
            return new TaskDue(null, null, Status.NO_DUE_DATE);
        }
        LocalDate dueOn = dueAt.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        LocalDate today = now.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        int left = dueOn.isBefore(today) ? -calendar.workingDaysBetween(dueOn, today) : calendar.workingDaysBetween(today, dueOn);
        Status status = now.isAfter(dueAt) ? Status.OVERDUE
                : dueOn.equals(today) ? Status.DUE_TODAY
                : left <= SOON ? Status.DUE_SOON
                : Status.ON_TIME;
        return new TaskDue(dueOn, left, status);
    }
}
