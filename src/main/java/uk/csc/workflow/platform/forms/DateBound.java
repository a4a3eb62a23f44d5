package uk.csc.workflow.platform.forms;

import java.time.LocalDate;

/**
 * A date a recorded event cannot precede, with the words a practitioner reads in the refusal:
 * {@code new DateBound(born, "the child's date of birth")} refuses an earlier date with
 * "cannot be before the child's date of birth (2015-03-02)".
 */
public record DateBound(LocalDate date, String what) {

    /** The later of two bounds (either may be null): an event must follow both. */
    public static DateBound latest(DateBound a, DateBound b) {
        if (a == null || a.date() == null) {
            return b;
        }
        if (b == null || b.date() == null) {
            return a;
        }
        return b.date().isAfter(a.date()) ? b : a;
    }

    String describe() {
        return what + " (" + date + ")";
    }
}
