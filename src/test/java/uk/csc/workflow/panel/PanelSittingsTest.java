package uk.csc.workflow.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.csc.workflow.timescales.BankHolidays;
import uk.csc.workflow.timescales.DayCounting;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryClock;
import uk.csc.workflow.timescales.StatutoryRules;
import uk.csc.workflow.timescales.WorkingDayCalendar;

class PanelSittingsTest {

    private static PanelSittings sittingOn(DayOfWeek day) {
        var holidays = BankHolidays.parse(PanelSittingsTest.class.getResourceAsStream("/timescales/bank-holidays-england-and-wales.csv"), "bundled");
        var rules = StatutoryRules.parse(PanelSittingsTest.class.getResourceAsStream("/timescales/statutory-rules.csv"), "bundled");
        var clock = new StatutoryClock(rules, new WorkingDayCalendar(holidays), DayCounting.TRIGGER_IS_DAY_ZERO, GuidanceProfile.WT2010);
        return new PanelSittings(new PanelProperties(day, LocalTime.of(10, 0), true), clock);
    }

    @ParameterizedTest(name = "{0} sittings: after {1} comes {2}")
    @CsvSource({
            "TUESDAY, 2026-12-21, 2026-12-22, the next day",
            "TUESDAY, 2026-12-22, 2026-12-29, a request on the sitting day waits a week",
            "MONDAY, 2026-12-23, 2026-12-29, Monday 28 December 2026 is a bank holiday: the next working day",
            "MONDAY, 2027-05-26, 2027-06-01, Monday 31 May 2027 is the spring bank holiday",
            "FRIDAY, 2027-03-22, 2027-03-30, Good Friday 26 March 2027 moves past Easter Monday to Tuesday 30 March"})
    void theNextSittingSkipsBankHolidays(DayOfWeek day, LocalDate after, LocalDate expected, String why) {
        LocalDate next = sittingOn(day).nextAfter(after);
        assertThat(next).as(why).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-22, 2026-12-22T10:00:00Z", "2027-06-01, 2027-06-01T09:00:00Z"})
    void theSittingStartsAtTenLondonTime(LocalDate day, Instant expected) {
        assertThat(sittingOn(DayOfWeek.TUESDAY).startsAt(day)).isEqualTo(expected);
    }
}
