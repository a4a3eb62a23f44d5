package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.time.Period;

/**
 * A child's age on a day: whole years, and months as well under 2 (what a practitioner needs to
 * know of a baby). {@code text} says it in words, e.g. "7 years", "1 year 3 months", "5 months".
 */
public record Age(int years, Integer months, String text) {

    /** The age on {@code today}, or null for an unborn child (no date of birth). */
    public static Age of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null || dateOfBirth.isAfter(today)) {
            return null;
        }
        Period age = Period.between(dateOfBirth, today);
        int years = age.getYears();
        if (years >= 2) {
            return new Age(years, null, plural(years, "year"));
        }
        int months = age.getMonths();
        String text = years == 0 ? (months == 0 ? "under 1 month" : plural(months, "month"))
                : months == 0 ? plural(years, "year") : plural(years, "year") + " " + plural(months, "month");
        return new Age(years, months, text);
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
