package uk.csc.workflow.codes;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DfE collection year: 1 April to 31 March. {@code 2025-26} (start year 2025) runs from
 * 1 April 2025 to 31 March 2026.
 */
public record CollectionYear(int startYear) implements Comparable<CollectionYear> {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

    public CollectionYear {
        // Every date a record may hold (FormValues: 1900 to 2199) falls in a collection year.
        if (startYear < 1899 || startYear > 2199) {
            throw new IllegalArgumentException("a collection year starts between 1899 and 2199, not " + startYear);
        }
    }

    /** The collection year a date falls in. */
    public static CollectionYear of(LocalDate date) {
        return new CollectionYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** From its label, {@code 2025-26}. */
    public static CollectionYear parse(String label) {
        Matcher m = LABEL.matcher(label.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + label + "' is not a collection year like 2025-26");
        }
        CollectionYear year = new CollectionYear(Integer.parseInt(m.group(1)));
        if (!year.label().equals(label.strip())) {
            throw new IllegalArgumentException("'" + label + "' is not a collection year like 2025-26");
        }
        return year;
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public CollectionYear previous() {
        return new CollectionYear(startYear - 1);
    }

    public String label() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    @Override
    public int compareTo(CollectionYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
