package uk.csc.workflow.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankHolidaysTest {

    private final BankHolidays holidays = TestClocks.bundledHolidays();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(holidays);

    @Test
    void bundledFileListsTheDomainYears() {
        assertThat(holidays.listedYears()).containsExactly(2025, 2026, 2027);
        assertThat(holidays.holidaysIn(2026)).extracting(LocalDate::toString).containsExactly(
                "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                "2026-12-25", "2026-12-28");
        assertThat(holidays.nameOf(LocalDate.parse("2026-12-28"))).isEqualTo("Boxing Day (substitute day)");
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void standingPatternReproducesTheListedYears(int year) {
        // The fallback for unlisted years must agree with the proclaimed data where both exist.
        assertThat(new TreeSet<>(EnglandAndWalesHolidayRules.forYear(year))).isEqualTo(holidays.holidaysIn(year));
    }

    @ParameterizedTest
    @CsvSource({"2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2028,2028-04-16", "2038,2038-04-25"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(EnglandAndWalesHolidayRules.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void unlistedYearsUseTheStandingPatternWithSubstitutes() {
        assertThat(holidays.isListed(2028)).isFalse();
        // 1 Jan 2028 is a Saturday: Monday 3 Jan is the substitute.
        assertThat(holidays.isBankHoliday(LocalDate.parse("2028-01-03"))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.parse("2028-04-14"))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.parse("2028-02-29"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-24, true", "2026-12-25, false", "2026-12-26, false", "2026-12-28, false", "2026-12-29, true",
            "2027-01-01, false", "2027-12-27, false", "2027-12-28, false", "2026-04-03, false", "2026-04-06, false",
            "2028-02-29, true"})
    void workingDays(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void countsAndStepsBackwards() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-12-22"), LocalDate.parse("2027-01-05"))).isEqualTo(7);
        assertThat(calendar.minusWorkingDays(LocalDate.parse("2026-12-29"), 1)).isEqualTo(LocalDate.parse("2026-12-24"));
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2027-01-05"), -7)).isEqualTo(LocalDate.parse("2026-12-22"));
    }

    @Test
    void aCouncilFileAddsAOneOffHolidayAndReplacesTheYear() {
        String csv = "# council override\n2026-01-01,New Year's Day\n2026-06-15,Extra proclaimed holiday\n";
        BankHolidays council = BankHolidays.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "council.csv");

        assertThat(council.isBankHoliday(LocalDate.parse("2026-06-15"))).isTrue();
        assertThat(council.nameOf(LocalDate.parse("2026-06-15"))).isEqualTo("Extra proclaimed holiday");
        // The file is authoritative for the years it lists: Good Friday 2026 is not in it.
        assertThat(council.isBankHoliday(LocalDate.parse("2026-04-03"))).isFalse();
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        String csv = "2026-01-01,New Year's Day\n2026-13-01,Nonsense\n";

        assertThatThrownBy(() -> BankHolidays.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "council.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("council.csv line 2");
    }
}
