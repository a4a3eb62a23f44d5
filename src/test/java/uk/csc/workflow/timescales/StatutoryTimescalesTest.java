package uk.csc.workflow.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every statutory rule against dates worked out by hand from DOMAIN.md sections 2 and 3
 * (the counting is written out in the comments, so a reader can check each one).
 */
class StatutoryTimescalesTest {

    private final StatutoryTimescales clock = TestClocks.clock(DayCounting.TRIGGER_IS_DAY_ZERO);

    @ParameterizedTest(name = "{0} from {1} ({2}) is due on {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # rule              | from       | profile | due on     | why
            INITIAL_ASSESSMENT  | 2026-12-22 | WT2010  | 2027-01-05 | the DOMAIN example: 25, 28 Dec and 1 Jan are not working days
            REFERRAL_DECISION   | 2026-12-24 | WT2010  | 2026-12-29 | Christmas, weekend and the Boxing Day substitute (28th)
            REFERRAL_DECISION   | 2026-12-31 | WT2023  | 2027-01-04 | New Year's Day then a weekend
            REFERRAL_DECISION   | 2027-12-24 | WT2010  | 2027-12-29 | 2027: both Christmas substitutes (27th, 28th)
            REFERRAL_DECISION   | 2026-04-02 | WT2010  | 2026-04-07 | Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr
            INITIAL_ASSESSMENT  | 2026-04-01 | WT2010  | 2026-04-14 | 2,7,8,9,10,13,14 April 2026
            INITIAL_ASSESSMENT  | 2027-03-24 | WT2010  | 2027-04-06 | Easter 2027: 26 and 29 March skipped
            REFERRAL_DECISION   | 2026-11-28 | WT2010  | 2026-11-30 | a Saturday contact: Monday is day 1
            INITIAL_ASSESSMENT  | 2026-11-29 | WT2010  | 2026-12-08 | a Sunday referral: Monday 30 Nov is day 1
            CORE_ASSESSMENT     | 2026-12-01 | WT2010  | 2027-01-22 | 20 working days left in December, 15 in January
            SINGLE_ASSESSMENT   | 2026-12-01 | WT2023  | 2027-02-05 | 35 to 22 Jan, then 10 more
            ICPC                | 2026-12-15 | WT2010  | 2027-01-08 | 10 working days in December, 5 in January
            ICPC                | 2026-12-15 | WT2023  | 2027-01-08 | the same under WT2023
            CARE_PLAN           | 2026-05-20 | WT2010  | 2026-06-04 | Spring bank holiday 25 May skipped
            PLACEMENT_NOTICE    | 2026-08-27 | WT2010  | 2026-09-04 | Summer bank holiday 31 Aug skipped
            LAC_REVIEW_FIRST    | 2026-12-10 | WT2010  | 2027-01-12 | 20 working days over Christmas
            HEALTH_ASSESSMENT   | 2027-05-01 | WT2010  | 2027-06-01 | a Saturday start; both May bank holidays skipped
            LAC_REVIEW_SECOND   | 2026-01-10 | WT2010  | 2026-04-10 | 3 calendar months
            LAC_REVIEW_SECOND   | 2027-01-31 | WT2010  | 2027-04-30 | end-of-month clamp (DOMAIN example)
            LAC_REVIEW_SECOND   | 2026-11-30 | WT2010  | 2027-02-28 | 30 Nov + 3 months clamps to February's end
            LAC_REVIEW_SECOND   | 2027-11-30 | WT2010  | 2028-02-29 | leap year 2028
            LAC_REVIEW_NEXT     | 2027-08-31 | WT2010  | 2028-02-29 | 6 months into a leap February
            LAC_REVIEW_NEXT     | 2026-08-31 | WT2010  | 2027-02-28 | 6 months into an ordinary February
            LAC_REVIEW_SIGN_OFF | 2026-12-22 | WT2010  | 2026-12-31 | 23, 24, 29, 30, 31 Dec: Christmas and the Boxing Day substitute skipped
            LAC_REVIEW_SIGN_OFF | 2027-03-24 | WT2023  | 2027-04-02 | 25, 30, 31 Mar, 1, 2 Apr: Good Friday and Easter Monday 2027 skipped
            CP_REVIEW_FIRST     | 2027-11-30 | WT2010  | 2028-02-29 | 3 months into a leap February
            CP_REVIEW_NEXT      | 2026-03-31 | WT2010  | 2026-09-30 | 31 Mar + 6 months clamps to 30 Sep
            VISIT_FIRST         | 2026-12-24 | WT2010  | 2026-12-31 | calendar week, holidays do not matter
            VISIT_NEXT          | 2026-11-26 | WT2010  | 2027-01-07 | 6 calendar weeks
            VISIT_LONG_TERM     | 2026-11-30 | WT2010  | 2027-02-28 | 3 calendar months clamp to February's end
            VISIT_LONG_TERM     | 2027-12-24 | WT2023  | 2028-03-24 | calendar months: Christmas does not matter
            EPO                 | 2026-12-28 | WT2010  | 2027-01-05 | 8 calendar days
            CARE_PROCEEDINGS    | 2026-12-22 | WT2010  | 2027-06-22 | 26 weeks = 182 days, same weekday
            POLICE_PROTECTION   | 2026-12-22 | WT2010  | 2026-12-25 | 72 hours from the start of the day
            REFERRAL_DECISION   | 2028-02-28 | WT2010  | 2028-02-29 | leap day 2028 is a working day (2028 from the standing pattern)
            INITIAL_ASSESSMENT  | 2028-02-25 | WT2010  | 2028-03-07 | 28, 29 Feb, 1, 2, 3, 6, 7 Mar 2028
            INITIAL_ASSESSMENT  | 2028-04-12 | WT2010  | 2028-04-25 | Easter 2028 (14 and 17 April) from the standing pattern
            ALLOCATION          | 2026-12-24 | WT2010  | 2026-12-29 | next working day after Christmas and the Boxing Day substitute
            STRATEGY_DISCUSSION | 2027-04-01 | WT2023  | 2027-04-02 | next working day (Good Friday 2027 is 26 March)
            PANEL_REQUEST       | 2026-12-21 | WT2010  | 2026-12-30 | 22, 23, 24, 29, 30 December
            PANEL_ENDORSEMENT   | 2027-05-28 | WT2010  | 2027-06-02 | spring bank holiday 31 May 2027 skipped
            PANEL_INFORMATION   | 2026-08-27 | WT2010  | 2026-09-04 | summer bank holiday 31 Aug skipped
            PLACEMENT_RECORD    | 2026-12-31 | WT2010  | 2027-01-04 | New Year's Day skipped
            RESIDENTIAL_APPROVAL| 2027-12-24 | WT2010  | 2027-12-29 | 27 and 28 December 2027 are substitute holidays
            LEGAL_PLANNING_MEETING | 2026-12-22 | WT2010 | 2026-12-31 | 23, 24, 29, 30, 31 December
            LETTER_BEFORE_PROCEEDINGS | 2027-03-24 | WT2023 | 2027-04-02 | 25, 30, 31 Mar, 1, 2 Apr: Good Friday and Easter Monday skipped
            PRE_PROCEEDINGS_MEETING | 2026-12-22 | WT2010 | 2027-01-08 | 10 working days over Christmas and New Year
            CORE_GROUP_FIRST    | 2026-12-22 | WT2010  | 2027-01-08 | 23, 24, 29, 30, 31 Dec, 4-8 Jan: Christmas, the Boxing Day substitute and New Year's Day skipped
            CORE_GROUP_FIRST    | 2027-12-20 | WT2023  | 2028-01-06 | 2027's Christmas substitutes (27, 28 Dec) and the 2028 New Year substitute (3 Jan) skipped
            CORE_GROUP_NEXT     | 2027-01-06 | WT2023  | 2027-02-03 | 20 working days: 7, 8, 11-15, 18-22, 25-29 Jan, 1-3 Feb
            CP_VISIT            | 2027-03-24 | WT2010  | 2027-04-09 | Easter 2027: Good Friday 26 and Easter Monday 29 March skipped
            CP_REVIEW_FIRST     | 2026-12-22 | WT2010  | 2027-03-22 | 3 calendar months: Christmas does not matter
            CP_REVIEW_NEXT      | 2027-03-25 | WT2023  | 2027-09-25 | 6 months from the day a late review was held (a Saturday: calendar months)
            CIN_PLAN            | 2027-05-24 | WT2023  | 2027-06-08 | spring bank holiday 31 May 2027 skipped
            CIN_PLAN_REVIEW     | 2026-11-30 | WT2010  | 2027-02-28 | 3 months clamp to February's end
            CIN_PLAN_REVIEW     | 2027-11-30 | WT2023  | 2028-02-29 | 3 months into a leap February
            CIN_VISIT           | 2026-12-22 | WT2023  | 2027-01-22 | 20 working days: 23, 24, 29, 30, 31 Dec, 4-8, 11-15, 18-22 Jan
            FGDM_ANSWER         | 2026-12-22 | WT2010  | 2026-12-31 | 23, 24, 29, 30, 31 December
            FGDM_MEETING        | 2027-03-24 | WT2023  | 2027-04-23 | 20 working days past Easter 2027: 25, 30, 31 Mar, 1, 2, 5-9, 12-16, 19-23 Apr
            FGDM_MEETING        | 2026-12-22 | WT2010  | 2027-01-22 | 20 working days past Christmas and New Year
            FAMILY_HELP_PLAN    | 2026-12-22 | FAMILIES_FIRST | 2027-01-08 | 10 working days past Christmas and New Year
            FAMILY_HELP_REVIEW  | 2026-11-30 | FAMILIES_FIRST | 2027-02-28 | 3 months clamp to February's end
            FAMILY_HELP_VISIT   | 2026-12-22 | FAMILIES_FIRST | 2027-01-22 | 20 working days: 23, 24, 29, 30, 31 Dec, 4-8, 11-15, 18-22 Jan
            FAMILY_HELP_VISIT   | 2027-03-24 | FAMILIES_FIRST | 2027-04-23 | 20 working days past Easter 2027: 25, 30, 31 Mar, 1, 2, 5-9, 12-16, 19-23 Apr
            SINGLE_ASSESSMENT   | 2026-12-22 | FAMILIES_FIRST | 2027-02-26 | Families First runs Working Together 2023's single assessment (45 working days)
            """)
    void dueDates(String rule, LocalDate from, GuidanceProfile profile, LocalDate dueOn, String why) {
        Deadline deadline = clock.deadline(rule, from, profile);

        assertThat(deadline.dueOn()).as(why).isEqualTo(dueOn);
        assertThat(deadline.from()).isEqualTo(from);
        assertThat(deadline.rule()).isEqualTo(rule);
        assertThat(deadline.profile()).isEqualTo(profile);
    }

    @Test
    void everyRuleInTheCatalogueIsCoveredAbove() {
        assertThat(clock.rules()).extracting(StatutoryRule::id).containsExactlyInAnyOrder(
                "REFERRAL_DECISION", "INITIAL_ASSESSMENT", "CORE_ASSESSMENT", "SINGLE_ASSESSMENT", "ICPC",
                "CP_REVIEW_FIRST", "CP_REVIEW_NEXT", "CARE_PLAN", "PLACEMENT_NOTICE", "LAC_REVIEW_FIRST",
                "LAC_REVIEW_SECOND", "LAC_REVIEW_NEXT", "LAC_REVIEW_SIGN_OFF", "VISIT_FIRST", "VISIT_NEXT", "VISIT_LONG_TERM",
                "HEALTH_ASSESSMENT",
                "POLICE_PROTECTION", "EPO", "CARE_PROCEEDINGS",
                "ALLOCATION", "STRATEGY_DISCUSSION", "PANEL_REQUEST", "PANEL_ENDORSEMENT", "PANEL_INFORMATION", "PLACEMENT_RECORD",
                "RESIDENTIAL_APPROVAL", "LEGAL_PLANNING_MEETING", "LETTER_BEFORE_PROCEEDINGS", "PRE_PROCEEDINGS_MEETING",
                "CORE_GROUP_FIRST", "CORE_GROUP_NEXT", "CP_VISIT", "CIN_PLAN", "CIN_PLAN_REVIEW", "CIN_VISIT",
                "FGDM_ANSWER", "FGDM_MEETING", "FAMILY_HELP_PLAN", "FAMILY_HELP_REVIEW", "FAMILY_HELP_VISIT");
    }

    @Test
    void familiesFirstRunsEveryWorkingTogether2023RuleAndItsOwnButNoneOnlyOf2010() {
        var under = clock.rulesIn(GuidanceProfile.FAMILIES_FIRST).stream().map(StatutoryRule::id).toList();
        assertThat(under).contains("SINGLE_ASSESSMENT", "REFERRAL_DECISION", "FAMILY_HELP_PLAN", "FAMILY_HELP_REVIEW", "FGDM_MEETING")
                .doesNotContain("INITIAL_ASSESSMENT", "CORE_ASSESSMENT");
        assertThat(clock.rulesIn(GuidanceProfile.WT2023)).extracting(StatutoryRule::id).doesNotContain("FAMILY_HELP_PLAN", "FAMILY_HELP_REVIEW", "FAMILY_HELP_VISIT");
        assertThatThrownBy(() -> clock.deadline("INITIAL_ASSESSMENT", LocalDate.parse("2026-12-22"), GuidanceProfile.FAMILIES_FIRST))
                .hasMessageContaining("does not apply under profile FAMILIES_FIRST");
        assertThatThrownBy(() -> clock.deadline("FAMILY_HELP_REVIEW", LocalDate.parse("2026-12-22"), GuidanceProfile.WT2023))
                .hasMessageContaining("does not apply under profile WT2023");
    }

    @Test
    void workingDayDeadlinesRunToTheEndOfTheLondonDay() {
        // Winter: GMT, so 23:59:59 London is 23:59:59 UTC.
        assertThat(clock.deadline("INITIAL_ASSESSMENT", LocalDate.parse("2026-12-22")).dueAt())
                .isEqualTo(Instant.parse("2027-01-05T23:59:59Z"));
        // Summer: BST, an hour ahead of UTC.
        assertThat(clock.deadline("CARE_PLAN", LocalDate.parse("2026-05-20")).dueAt())
                .isEqualTo(Instant.parse("2026-06-04T22:59:59Z"));
    }

    @Test
    void seventyTwoHoursAcrossTheAutumnClockChangeAreRealHours() {
        // Clocks go back at 02:00 BST on 25 October 2026: 72 hours from 10:00 BST is 09:00 GMT.
        ZonedDateTime start = LocalDateTime.parse("2026-10-24T10:00").atZone(StatutoryTimescales.STATUTORY_ZONE);

        Deadline deadline = clock.deadline("POLICE_PROTECTION", start, GuidanceProfile.WT2010);

        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-10-27T09:00:00Z"));
        assertThat(deadline.dueAt().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-10-27T09:00"));
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.parse("2026-10-27"));
    }

    @Test
    void seventyTwoHoursAcrossTheSpringClockChangeAreRealHours() {
        // Clocks go forward at 01:00 GMT on 28 March 2027: 72 hours from 10:00 GMT is 11:00 BST.
        ZonedDateTime start = LocalDateTime.parse("2027-03-27T10:00").atZone(StatutoryTimescales.STATUTORY_ZONE);

        Deadline deadline = clock.deadline("POLICE_PROTECTION", start, GuidanceProfile.WT2023);

        assertThat(deadline.dueAt().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2027-03-30T11:00"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2027-03-30T10:00:00Z"));
    }

    @Test
    void profilesSelectTheAssessmentRules() {
        assertThat(clock.rulesIn(GuidanceProfile.WT2010)).extracting(StatutoryRule::id)
                .contains("INITIAL_ASSESSMENT", "CORE_ASSESSMENT").doesNotContain("SINGLE_ASSESSMENT");
        assertThat(clock.rulesIn(GuidanceProfile.WT2023)).extracting(StatutoryRule::id)
                .contains("SINGLE_ASSESSMENT").doesNotContain("INITIAL_ASSESSMENT", "CORE_ASSESSMENT");

        assertThatThrownBy(() -> clock.deadline("INITIAL_ASSESSMENT", LocalDate.parse("2026-12-22"), GuidanceProfile.WT2023))
                .isInstanceOf(UnknownRuleException.class).hasMessageContaining("WT2023");
        assertThatThrownBy(() -> clock.deadline("SINGLE_ASSESSMENT", LocalDate.parse("2026-12-22"), GuidanceProfile.WT2010))
                .isInstanceOf(UnknownRuleException.class).hasMessageContaining("WT2010");
    }

    @Test
    void unknownRulesAreNamedInTheError() {
        assertThatThrownBy(() -> clock.deadline("NOT_A_RULE", LocalDate.parse("2026-12-22")))
                .isInstanceOf(UnknownRuleException.class)
                .hasMessageContaining("NOT_A_RULE").hasMessageContaining("INITIAL_ASSESSMENT");
    }

    @ParameterizedTest(name = "trigger-is-day-one: {0} from {1} is due on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INITIAL_ASSESSMENT | 2026-12-22 | 2027-01-04 | 22 Dec is day 1, so 4 Jan is day 7
            REFERRAL_DECISION  | 2026-12-22 | 2026-12-22 | one working day ends on the trigger day itself
            INITIAL_ASSESSMENT | 2026-11-28 | 2026-12-08 | a Saturday trigger: Monday is still day 1
            LAC_REVIEW_SECOND  | 2027-01-31 | 2027-04-30 | calendar months do not depend on the convention
            """)
    void theCinCensusConventionCountsTheTriggerAsDayOne(String rule, LocalDate from, LocalDate dueOn, String why) {
        StatutoryTimescales censusClock = TestClocks.clock(DayCounting.TRIGGER_IS_DAY_ONE);

        assertThat(censusClock.deadline(rule, from).dueOn()).as(why).isEqualTo(dueOn);
    }

    @Test
    void metMeansDoneOnOrBeforeTheDueDate() {
        Deadline deadline = clock.deadline("INITIAL_ASSESSMENT", LocalDate.parse("2026-12-22"));

        assertThat(deadline.isMetBy(LocalDate.parse("2027-01-05"))).isTrue();
        assertThat(deadline.isMetBy(LocalDate.parse("2027-01-06"))).isFalse();
    }
}
