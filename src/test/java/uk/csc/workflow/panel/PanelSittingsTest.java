package uk.csc.workflow.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.csc.workflow.timescales.BankHolidays;
import uk.csc.workflow.timescales.DayCounting;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryRules;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

class PanelSittingsTest {

    private static PanelSittings sittingOn(DayOfWeek day, Duration papersClose) {
        var holidays = BankHolidays.parse(PanelSittingsTest.class.getResourceAsStream("/timescales/bank-holidays-england-and-wales.csv"), "bundled");
        var rules = StatutoryRules.parse(PanelSittingsTest.class.getResourceAsStream("/timescales/statutory-rules.csv"), "bundled");
        var timescales = new StatutoryTimescales(rules, new WorkingDayCalendar(holidays), DayCounting.TRIGGER_IS_DAY_ZERO, GuidanceProfile.WT2010);
        return new PanelSittings(new PanelProperties(day, LocalTime.of(10, 0), papersClose, true), timescales);
    }

    private static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();
    }

    @ParameterizedTest(name = "Tuesday 10:00 sittings: a request at {0} is heard on {1} ({2})")
    @CsvSource({
            "2026-11-30T16:00, 2026-12-01, a Monday: the next day",
            "2026-12-01T09:59, 2026-12-01, the sitting day before the papers close: that morning",
            "2026-12-01T10:00, 2026-12-08, the sitting day as it starts: the papers have closed",
            "2026-12-01T10:01, 2026-12-08, the sitting day after the papers close: a week later",
            "2026-12-02T09:00, 2026-12-08, the day after the sitting",
            "2027-12-27T12:00, 2027-12-29, Tuesday 28 December 2027 is a bank holiday (Boxing Day substitute): Wednesday",
            "2027-12-28T12:00, 2027-12-29, on the bank holiday itself: the moved sitting is still ahead",
            "2027-12-29T09:59, 2027-12-29, the moved sitting's own morning",
            "2027-12-29T10:01, 2028-01-04, after the moved sitting: the next week's",
            "2027-12-30T09:00, 2028-01-04, the day after the moved sitting"})
    void aRequestIsHeardAtTheFirstSittingWhosePapersAreStillOpen(String madeAt, LocalDate heardOn, String why) {
        assertThat(sittingOn(DayOfWeek.TUESDAY, Duration.ZERO).sittingFor(london(madeAt))).as(why).isEqualTo(heardOn);
    }

    @ParameterizedTest(name = "{0} sittings: a request at {1} is heard on {2} ({3})")
    @CsvSource({
            "MONDAY, 2026-12-23T12:00, 2026-12-29, Monday 28 December 2026 is a bank holiday: the next working day",
            "MONDAY, 2027-05-26T12:00, 2027-06-01, Monday 31 May 2027 is the spring bank holiday",
            "FRIDAY, 2027-03-22T12:00, 2027-03-30, Good Friday 26 March 2027 moves past Easter Monday to Tuesday 30 March"})
    void aSittingOnABankHolidayMovesToTheNextWorkingDay(DayOfWeek day, String madeAt, LocalDate heardOn, String why) {
        assertThat(sittingOn(day, Duration.ZERO).sittingFor(london(madeAt))).as(why).isEqualTo(heardOn);
    }

    @Test
    void theCouncilCanCloseThePapersEarlier() {
        PanelSittings dayBefore = sittingOn(DayOfWeek.TUESDAY, Duration.ofHours(24));

        assertThat(dayBefore.papersCloseAt(LocalDate.parse("2026-12-01"))).isEqualTo(london("2026-11-30T10:00"));
        assertThat(dayBefore.sittingFor(london("2026-11-30T09:59"))).isEqualTo("2026-12-01");
        assertThat(dayBefore.sittingFor(london("2026-11-30T10:01"))).isEqualTo("2026-12-08");
    }

    @ParameterizedTest
    @CsvSource({"2026-12-22, 2026-12-22T10:00:00Z", "2027-06-01, 2027-06-01T09:00:00Z"})
    void theSittingStartsAtTenLondonTime(LocalDate day, Instant expected) {
        assertThat(sittingOn(DayOfWeek.TUESDAY, Duration.ZERO).startsAt(day)).isEqualTo(expected);
    }
}
