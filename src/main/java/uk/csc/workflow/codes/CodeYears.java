package uk.csc.workflow.codes;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The collection years each DfE code is valid for ({@code codes/code-years.txt}), as data: when the
 * DfE withdraws or adds a code, the file changes, not the code. A code the file does not name is
 * valid in every year. Existing records keep their codes; a new fact may only use a code valid on
 * the date it happened, and the returns flag a code their year no longer accepts.
 */
public final class CodeYears {

    private static final String FILE = "/codes/code-years.txt";

    /** The years a code is valid for; null ends are open. */
    public record Validity(CollectionYear first, CollectionYear last, String replacement) {

        public boolean validIn(CollectionYear year) {
            return (first == null || year.compareTo(first) >= 0) && (last == null || year.compareTo(last) <= 0);
        }
    }

    private static final Map<String, Map<String, Validity>> YEARS = load();

    private CodeYears() {
    }

    public static Optional<Validity> validity(String list, String code) {
        return Optional.ofNullable(YEARS.getOrDefault(list, Map.of()).get(code));
    }

    public static boolean validIn(String list, String code, CollectionYear year) {
        return validity(list, code).map(v -> v.validIn(year)).orElse(true);
    }

    public static boolean validOn(String list, String code, LocalDate date) {
        return validIn(list, code, CollectionYear.of(date));
    }

    /** Whether the code is still valid with no last year (what a form offers for facts recorded now). */
    public static boolean current(String list, String code) {
        return validity(list, code).map(v -> v.last() == null).orElse(true);
    }

    /** The labelled codes of a list that are valid on {@code date}, in the labels file's order. */
    public static Map<String, String> codesValidOn(String list, LocalDate date) {
        Map<String, String> valid = new LinkedHashMap<>();
        CodeLabels.list(list).forEach((code, label) -> {
            if (validOn(list, code, date)) {
                valid.put(code, label);
            }
        });
        return Collections.unmodifiableMap(valid);
    }

    /**
     * Why {@code code} is not accepted for a fact on {@code date}, in plain English (empty when it is):
     * "Z1 is not accepted for the 2025-26 collection year (it was withdrawn after 2024-25): use one of Z11, Z12, Z13, Z14".
     */
    public static Optional<String> refusal(String list, String code, LocalDate date) {
        CollectionYear year = CollectionYear.of(date);
        return validity(list, code).filter(v -> !v.validIn(year)).map(v -> {
            String why = v.last() != null && year.compareTo(v.last()) > 0
                    ? "it was withdrawn after " + v.last()
                    : "it is valid from " + v.first();
            String use = v.replacement() == null || v.replacement().isBlank() ? "" : ": use " + v.replacement();
            return code + " is not accepted for the " + year + " collection year (" + why + ")" + use;
        });
    }

    private static Map<String, Map<String, Validity>> load() {
        return CodeListFile.read(FILE, 5, "LIST|CODE|FIRST|LAST|replacement",
                parts -> {
                    if (parts[4].contains("|")) {
                        throw new IllegalArgumentException("more than 5 columns");
                    }
                    return new Validity(year(parts[2]), year(parts[3]), parts[4].strip());
                });
    }

    private static CollectionYear year(String text) {
        String t = text.strip();
        return t.equals("-") || t.isEmpty() ? null : CollectionYear.parse(t);
    }
}
