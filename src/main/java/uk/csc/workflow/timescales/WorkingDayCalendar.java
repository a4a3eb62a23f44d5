package uk.csc.workflow.timescales;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday, less England and Wales bank holidays. */
public final class WorkingDayCalendar {

    private final BankHolidays bankHolidays;

    public WorkingDayCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = bankHolidays;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(day);
    }

    /** The {@code n}-th working day after {@code day} (n = 0 gives {@code day} itself). */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 0) {
            return minusWorkingDays(day, -n);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The {@code n}-th working day before {@code day}. */
    public LocalDate minusWorkingDays(LocalDate day, int n) {
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
