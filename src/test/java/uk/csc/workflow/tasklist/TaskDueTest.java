package uk.csc.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import uk.csc.workflow.timescales.BankHolidays;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/** A task's status word and working days left, on the England and Wales calendar (Christmas 2026: Fri 25, Mon 28 substitute). */
class TaskDueTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.parse(
            TaskDueTest.class.getResourceAsStream("/timescales/bank-holidays-england-and-wales.csv"), "bundled"));

    private static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();
    }

    private TaskDue due(String dueAt, String now) {
        return TaskDue.of(london(dueAt), london(now), calendar);
    }

    @Test
    void statusWords() {
        // Tuesday 1 December 2026, 11:00
        assertThat(due("2026-12-07T17:00", "2026-12-01T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 7), 4, TaskDue.Status.ON_TIME));
        assertThat(due("2026-12-03T17:00", "2026-12-01T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 3), 2, TaskDue.Status.DUE_SOON));
        assertThat(due("2026-12-01T17:00", "2026-12-01T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 1), 0, TaskDue.Status.DUE_TODAY));
        assertThat(due("2026-12-01T10:00", "2026-12-01T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 1), 0, TaskDue.Status.OVERDUE));
        assertThat(due("2026-11-26T17:00", "2026-12-01T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 11, 26), -3, TaskDue.Status.OVERDUE));
        assertThat(TaskDue.of(null, london("2026-12-01T11:00"), calendar)).isEqualTo(new TaskDue(null, null, TaskDue.Status.NO_DUE_DATE));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        // Thursday 24 December: Tuesday 29th is only the second working day (Friday 25 and Monday 28 are bank holidays).
        assertThat(due("2026-12-29T17:00", "2026-12-24T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 29), 1, TaskDue.Status.DUE_SOON));
        assertThat(due("2026-12-30T17:00", "2026-12-24T11:00").status()).isEqualTo(TaskDue.Status.DUE_SOON);
        assertThat(due("2026-12-31T17:00", "2026-12-24T11:00")).isEqualTo(new TaskDue(LocalDate.of(2026, 12, 31), 3, TaskDue.Status.ON_TIME));
        // Due on Christmas Eve, now Tuesday the 29th: one working day late (the 29th; the 25th and 28th are holidays)
        assertThat(due("2026-12-24T17:00", "2026-12-29T09:00").workingDaysLeft()).isEqualTo(-1);
    }
}
