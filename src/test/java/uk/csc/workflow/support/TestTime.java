package uk.csc.workflow.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The instant every integration test starts at: {@code 11:00} London time on the day given by the
 * system property {@code csc.test.today} (default Tuesday 1 December 2026, a panel sitting day
 * after the sitting has started). Run the suite as if today were another day with
 * {@code mvn verify -Dcsc.test.today=2028-02-29}. Tests derive dates of birth and "past" dates
 * from here, never from the real clock.
 */
public final class TestTime {

    public static final String PROPERTY = "csc.test.today";
    private static final LocalDate TODAY = LocalDate.parse(System.getProperty(PROPERTY, "2026-12-01").trim());
    private static final Instant BASE = TODAY.atTime(LocalTime.of(11, 0)).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();

    private TestTime() {
    }

    public static Instant base() {
        return BASE;
    }

    public static LocalDate today() {
        return TODAY;
    }

    /** The base instant as the API takes it (London offset). */
    public static OffsetDateTime now() {
        return BASE.atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime();
    }

    /** A date of birth that makes a child {@code years} old on the base day (a little over, never on a birthday). */
    public static LocalDate bornYearsAgo(int years) {
        return bornYearsBefore(TODAY, years);
    }

    /** A date of birth that makes a child {@code years} old on {@code day} (a test that pins its own instant). */
    public static LocalDate bornYearsBefore(LocalDate day, int years) {
        return day.minusYears(years).minusDays(40);
    }
}
