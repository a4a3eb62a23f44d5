package uk.csc.workflow.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.csc.workflow.platform.web.FieldProblem;

/** The shared input rules, one by one. */
class FormValuesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static FormValues form(Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put("f", value);
        return new FormValues(values);
    }

    private static List<String> reasons(FormValues form) {
        return form.problems().stream().map(FieldProblem::reason).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-12-01garbage", "2026-02-30", "2026-13-01", "2026-04-31", "+999999999-12-31", "-999999999-01-01",
            "2026-12-01T10:00:00", "01/12/2026", "20261201", "next Tuesday"})
    void aDateIsYearMonthDayExactlyAndReal(String text) {
        FormValues form = form(text);
        assertThat(form.optionalDate("f")).isNull();
        assertThat(reasons(form)).containsExactly("must be a date (YYYY-MM-DD)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31"})
    void aDateIsWithinThePlausibleRange(String text) {
        FormValues form = form(text);
        assertThat(form.optionalDate("f")).isNull();
        assertThat(reasons(form)).containsExactly("must be a date between 1900-01-01 and 2199-12-31");
    }

    @Test
    void aDateIsTrimmedAndAnEngineDateIsItsLondonDay() {
        assertThat(form("  2026-11-30 ").date("f")).isEqualTo(LocalDate.of(2026, 11, 30));
        // 23:30 UTC on 31 May is 1 June in London (BST).
        assertThat(form(java.util.Date.from(java.time.Instant.parse("2026-05-31T23:30:00Z"))).date("f")).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(reasons(withValue(LocalDate.MAX))).containsExactly("must be a date between 1900-01-01 and 2199-12-31");
    }

    private static FormValues withValue(Object value) {
        FormValues form = form(value);
        form.optionalDate("f");
        return form;
    }

    @Test
    void pastPlannedAndBoundedDates() {
        FormValues future = form("2026-12-02");
        future.pastDate("f", TODAY);
        assertThat(reasons(future)).containsExactly("cannot be in the future");

        FormValues beforeBirth = form("2015-03-01");
        beforeBirth.pastDate("f", TODAY, new DateBound(LocalDate.of(2015, 3, 2), "the child's date of birth"));
        assertThat(reasons(beforeBirth)).containsExactly("cannot be before the child's date of birth (2015-03-02)");

        FormValues farAhead = form("2027-12-02");
        farAhead.plannedDate("f", TODAY, null);
        assertThat(reasons(farAhead)).containsExactly("cannot be more than 1 year ahead (after 2027-12-01)");

        assertThat(form("2027-12-01").plannedDate("f", TODAY, null)).isEqualTo(LocalDate.of(2027, 12, 1));
    }

    @Test
    void textIsTrimmedCountedInCharactersAndRefusedWithControlCharactersOrWhenNotText() {
        assertThat(form("  some words \n").text("f", 10)).isEqualTo("some words");
        // Four emoji are eight UTF-16 units but four characters, as the database counts them.
        assertThat(form("\uD83D\uDE00".repeat(4)).text("f", 4)).hasSize(8);

        FormValues tooLong = form("  " + "x".repeat(11) + "  ");
        assertThat(tooLong.text("f", 10)).isNull();
        assertThat(reasons(tooLong)).containsExactly("must be at most 10 characters");

        for (Object notText : List.of(42, Map.of("a", 1), List.of("a"), true)) {
            FormValues form = form(notText);
            form.text("f", 10);
            assertThat(reasons(form)).as(String.valueOf(notText)).containsExactly("must be text");
        }
        FormValues control = form("abc\u0000");
        control.text("f", 10);
        assertThat(reasons(control)).containsExactly("must not contain control characters");

        for (String blank : List.of("", "   ", " \t\n ")) {
            FormValues form = form(blank);
            assertThat(form.optionalText("f", 10)).isNull();
            form.text("f", 10);
            assertThat(reasons(form)).containsExactly("is required");
        }
    }

    enum Colour { RED, GREEN }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RED, RED", "' GREEN ', GREEN"})
    void aCodeIsExactlyOneOfItsList(String text, Colour expected) {
        assertThat(form(text).code("f", Colour.class)).isEqualTo(expected);
    }

    @Test
    void aCodeNotOnTheListIsRefusedQuotingItShort() {
        for (Object bad : List.of("red", "BLUE", 7, Map.of("c", "RED"))) {
            FormValues form = form(bad);
            assertThat(form.code("f", Colour.class)).isNull();
            assertThat(reasons(form)).singleElement().asString().endsWith("is not one of [RED, GREEN]");
        }
        FormValues longValue = form("Z".repeat(500));
        longValue.code("f", Colour.class);
        assertThat(reasons(longValue).get(0)).hasSizeLessThan(80);
    }

    @Test
    void flagsAndNumbers() {
        assertThat(form(true).flag("f")).isTrue();
        assertThat(form(" false ").flag("f")).isFalse();
        assertThat(form(null).flag("f")).isFalse();
        FormValues maybe = form("maybe");
        assertThat(maybe.flag("f")).isFalse();
        assertThat(reasons(maybe)).containsExactly("must be true or false");

        assertThat(form(12).wholeNumber("f", 0, 120)).isEqualTo(12);
        assertThat(form(" 12 ").wholeNumber("f", 0, 120)).isEqualTo(12);
        for (Object bad : List.of(-1, 121, "12.5", 12.5, "abc", Map.of())) {
            FormValues form = form(bad);
            assertThat(form.wholeNumber("f", 0, 120)).as(String.valueOf(bad)).isNull();
            assertThat(reasons(form)).containsExactly("must be a whole number from 0 to 120");
        }
    }
}
