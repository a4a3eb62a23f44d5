package uk.csc.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.csc.workflow.timescales.BankHolidays;
import uk.csc.workflow.timescales.DayCounting;
import uk.csc.workflow.timescales.DurationUnit;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.LocalTimescales.LocalAmount;
import uk.csc.workflow.timescales.StatutoryRules;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/** The council's setting for Family Help visits replaces the amount of FAMILY_HELP_VISIT, and only that rule's. */
class PlanPropertiesTest {

    @Test
    void aCouncilThatVisitsEveryFifteenWorkingDaysUnderFamilyHelpGetsThatClock() {
        PlanProperties settings = new PlanProperties(null, null, null, null, null, 15);
        assertThat(settings.amounts()).containsExactly(java.util.Map.entry("FAMILY_HELP_VISIT", new LocalAmount(DurationUnit.WORKING_DAYS, 15)));

        StatutoryRules bundled = StatutoryRules.parse(getClass().getResourceAsStream("/timescales/statutory-rules.csv"), "bundled");
        StatutoryRules local = bundled.withLocalAmounts(settings.amounts());
        StatutoryTimescales clock = new StatutoryTimescales(local, new WorkingDayCalendar(BankHolidays.parse(
                getClass().getResourceAsStream("/timescales/bank-holidays-england-and-wales.csv"), "bundled")),
                DayCounting.TRIGGER_IS_DAY_ZERO, GuidanceProfile.FAMILIES_FIRST);

        assertThat(bundled.get("FAMILY_HELP_VISIT").amount()).as("the default, as for a child in need").isEqualTo(20);
        // 15 working days from 22 December 2026: 23, 24, 29, 30, 31 December, 4-8 and 11-15 January.
        assertThat(clock.deadline("FAMILY_HELP_VISIT", LocalDate.parse("2026-12-22")).dueOn()).hasToString("2027-01-15");
        assertThat(local.get("CIN_VISIT").amount()).isEqualTo(20);
    }
}
