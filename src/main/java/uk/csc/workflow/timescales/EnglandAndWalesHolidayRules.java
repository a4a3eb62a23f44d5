package uk.csc.workflow.timescales;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The standing pattern of England and Wales bank holidays (Banking and Financial Dealings Act 1971
 * and the usual royal proclamations), with weekend substitute days.
 *
 * <p>Used only for years the bank-holiday data file does not list, so a long review chain never
 * runs off the end of the calendar. One-off holidays (a coronation, a jubilee) and moved days
 * are proclaimed each year and belong in the data file, which always wins for the years it lists.
 */
final class EnglandAndWalesHolidayRules {

    private EnglandAndWalesHolidayRules() {
    }

    static List<LocalDate> forYear(int year) {
        List<LocalDate> days = new ArrayList<>();
        days.add(substituteIfWeekend(LocalDate.of(year, Month.JANUARY, 1)));
        LocalDate easterSunday = easterSunday(year);
        days.add(easterSunday.minusDays(2));
        days.add(easterSunday.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.addAll(christmasAndBoxingDay(year));
        return days;
    }

    private static LocalDate substituteIfWeekend(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Christmas and Boxing Day substitutes must not land on each other. */
    private static List<LocalDate> christmasAndBoxingDay(int year) {
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        return switch (christmas.getDayOfWeek()) {
            case FRIDAY -> List.of(christmas, christmas.plusDays(3));
            case SATURDAY -> List.of(christmas.plusDays(2), christmas.plusDays(3));
            case SUNDAY -> List.of(christmas.plusDays(1), christmas.plusDays(2));
            default -> List.of(christmas, christmas.plusDays(1));
        };
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
