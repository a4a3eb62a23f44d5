package uk.csc.workflow.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StatutoryRulesTest {

    @Test
    void bundledRulesCarryUnitAmountAndProfiles() {
        StatutoryRule initial = TestClocks.bundledRules().get("INITIAL_ASSESSMENT");

        assertThat(initial.unit()).isEqualTo(DurationUnit.WORKING_DAYS);
        assertThat(initial.amount()).isEqualTo(7);
        assertThat(initial.profiles()).containsExactly(GuidanceProfile.WT2010);
        assertThat(TestClocks.bundledRules().get("POLICE_PROTECTION").unit()).isEqualTo(DurationUnit.HOURS);
        assertThat(TestClocks.bundledRules().get("ICPC").profiles())
                .containsExactlyInAnyOrder(GuidanceProfile.WT2010, GuidanceProfile.WT2023);
    }

    @Test
    void aBadRuleFileIsRejectedWithTheLine() {
        String csv = "REFERRAL_DECISION,WORKING_DAYS,1,WT2010\nBROKEN,FORTNIGHTS,2,WT2010\n";

        assertThatThrownBy(() -> StatutoryRules.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "rules.csv"))
                .hasMessageContaining("rules.csv line 2");
    }

    @Test
    void aRuleDefinedTwiceIsRejected() {
        String csv = "ICPC,WORKING_DAYS,15,WT2010\nICPC,WORKING_DAYS,10,WT2010\n";

        assertThatThrownBy(() -> StatutoryRules.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "rules.csv"))
                .hasMessageContaining("defined twice");
    }

    @Test
    void aCouncilsLocalAmountReplacesTheDefaultAndKeepsTheRest() {
        StatutoryRules local = TestClocks.bundledRules().withLocalAmounts(
                java.util.Map.of("CP_VISIT", new LocalTimescales.LocalAmount(DurationUnit.WORKING_DAYS, 15)));
        StatutoryTimescales clock = new StatutoryTimescales(local, new WorkingDayCalendar(TestClocks.bundledHolidays()),
                DayCounting.TRIGGER_IS_DAY_ZERO, GuidanceProfile.WT2010);

        assertThat(TestClocks.bundledRules().get("CP_VISIT").amount()).isEqualTo(10);
        assertThat(local.get("CP_VISIT").amount()).isEqualTo(15);
        assertThat(local.get("CP_VISIT").source()).isEqualTo(TestClocks.bundledRules().get("CP_VISIT").source());
        assertThat(local.all()).hasSameSizeAs(TestClocks.bundledRules().all());
        // 15 working days from 22 December 2026: 23, 24, 29, 30, 31 Dec, 4-8 and 11-15 January.
        assertThat(clock.deadline("CP_VISIT", java.time.LocalDate.parse("2026-12-22")).dueOn()).hasToString("2027-01-15");
    }

    @Test
    void aLocalAmountMustKeepTheRulesUnitAndNameAKnownRule() {
        assertThatThrownBy(() -> TestClocks.bundledRules().withLocalAmounts(
                java.util.Map.of("CIN_PLAN_REVIEW", new LocalTimescales.LocalAmount(DurationUnit.WORKING_DAYS, 60))))
                .hasMessageContaining("CIN_PLAN_REVIEW is counted in MONTHS");
        assertThatThrownBy(() -> TestClocks.bundledRules().withLocalAmounts(
                java.util.Map.of("NOT_A_RULE", new LocalTimescales.LocalAmount(DurationUnit.WORKING_DAYS, 1))))
                .isInstanceOf(UnknownRuleException.class);
    }
}
