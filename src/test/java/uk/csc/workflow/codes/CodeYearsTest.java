package uk.csc.workflow.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The collection years of the DfE codes, read from codes/code-years.txt. */
class CodeYearsTest {

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aCollectionYearRunsFromAprilToMarch() {
        assertThat(CollectionYear.of(d("2025-04-01")).label()).isEqualTo("2025-26");
        assertThat(CollectionYear.of(d("2025-03-31")).label()).isEqualTo("2024-25");
        assertThat(CollectionYear.of(d("2026-12-01"))).isEqualTo(new CollectionYear(2026));
        assertThat(new CollectionYear(2099).label()).isEqualTo("2099-00");
        assertThat(CollectionYear.parse("2026-27").end()).isEqualTo(d("2027-03-31"));
        assertThatThrownBy(() -> CollectionYear.parse("2026-28")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placementTypesWithdrawnIn2025AreRefusedFromItsFirstDay() {
        for (String withdrawn : new String[] {"H5", "P2", "Z1"}) {
            assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, withdrawn, d("2025-03-31"))).isTrue();
            assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, withdrawn, d("2025-04-01"))).isFalse();
            assertThat(CodeYears.current(CodeLabels.PLACEMENT_TYPE, withdrawn)).isFalse();
        }
        assertThat(CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, "Z1", d("2025-04-01"))).contains(
                "Z1 is not accepted for the 2025-26 collection year (it was withdrawn after 2024-25): use one of Z11, Z12, Z13, Z14");
        assertThat(CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, "Z1", d("2025-03-31"))).isEmpty();
    }

    @Test
    void newCodesAreValidFromTheirFirstYearOnly() {
        assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, "Z11", d("2025-03-31"))).isFalse();
        assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, "Z14", d("2025-04-01"))).isTrue();
        assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, "K3", d("2024-03-31"))).isFalse();
        assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, "K3", d("2024-04-01"))).isTrue();
        assertThat(CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, "Z12", d("2024-06-01")))
                .contains("Z12 is not accepted for the 2024-25 collection year (it is valid from 2025-26)");
        // A code the file does not name is valid in every year.
        assertThat(CodeYears.validOn(CodeLabels.PLACEMENT_TYPE, "U4", d("1999-06-01"))).isTrue();
    }

    @Test
    void aListOffersOnlyTheCodesOfTheDaysYear() {
        assertThat(CodeYears.codesValidOn(CodeLabels.PLACEMENT_TYPE, d("2025-04-01")))
                .containsKeys("Z11", "Z12", "Z13", "Z14", "K3", "U1").doesNotContainKeys("H5", "P2", "Z1");
        assertThat(CodeYears.codesValidOn(CodeLabels.PLACEMENT_TYPE, d("2024-05-01")))
                .containsKeys("H5", "P2", "Z1", "K3").doesNotContainKeys("Z11");
    }
}
