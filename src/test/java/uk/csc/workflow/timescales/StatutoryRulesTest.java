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
}
