package uk.csc.workflow.timescales;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * England and Wales bank holidays as data: the file is authoritative for every year it lists;
 * other years fall back to the standing pattern. Immutable and safe to share between threads.
 */
public final class BankHolidays {

    private final Map<Integer, Set<LocalDate>> listedYears;
    private final Map<LocalDate, String> names;
    private final Map<Integer, Set<LocalDate>> patternYears = new ConcurrentHashMap<>();

    private BankHolidays(Map<LocalDate, String> names) {
        this.names = Map.copyOf(names);
        Map<Integer, Set<LocalDate>> byYear = new HashMap<>();
        names.keySet().forEach(day -> byYear.computeIfAbsent(day.getYear(), y -> new HashSet<>()).add(day));
        byYear.replaceAll((year, days) -> Set.copyOf(days));
        this.listedYears = Map.copyOf(byYear);
    }

    /**
     * Reads {@code yyyy-mm-dd,name} lines; blank lines and lines starting with {@code #} are ignored.
     *
     * @param origin named in error messages so a council can find the bad line in its own file
     */
    public static BankHolidays parse(InputStream csv, String origin) {
        Map<LocalDate, String> names = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split(",", 2);
                try {
                    LocalDate day = LocalDate.parse(parts[0].strip());
                    names.put(day, parts.length > 1 ? parts[1].strip() : "Bank holiday");
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            origin + " line " + number + ": '" + parts[0] + "' is not a date (yyyy-mm-dd)", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bank holidays from " + origin, e);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(origin + " lists no bank holidays");
        }
        return new BankHolidays(names);
    }

    public boolean isBankHoliday(LocalDate day) {
        return holidaysOf(day.getYear()).contains(day);
    }

    /** Whether the data file lists this year (otherwise the standing pattern is used). */
    public boolean isListed(int year) {
        return listedYears.containsKey(year);
    }

    public SortedSet<Integer> listedYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(listedYears.keySet()));
    }

    public SortedSet<LocalDate> holidaysIn(int year) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(holidaysOf(year)));
    }

    public String nameOf(LocalDate day) {
        return names.getOrDefault(day, isBankHoliday(day) ? "Bank holiday" : null);
    }

    private Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> listed = listedYears.get(year);
        if (listed != null) {
            return listed;
        }
        return patternYears.computeIfAbsent(year, y -> Set.copyOf(EnglandAndWalesHolidayRules.forYear(y)));
    }
}
