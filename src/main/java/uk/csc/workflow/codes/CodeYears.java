package uk.csc.workflow.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
        Map<String, Map<String, Validity>> lists = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(CodeYears.class.getResourceAsStream(FILE), FILE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", -1);
                if (parts.length != 5 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalStateException(FILE + " line " + number + " is not LIST|CODE|FIRST|LAST|replacement");
                }
                try {
                    Validity validity = new Validity(year(parts[2]), year(parts[3]), parts[4].strip());
                    lists.computeIfAbsent(parts[0].strip(), l -> new LinkedHashMap<>()).put(parts[1].strip(), validity);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(FILE + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lists.replaceAll((list, codes) -> Collections.unmodifiableMap(codes));
        return Collections.unmodifiableMap(lists);
    }

    private static CollectionYear year(String text) {
        String t = text.strip();
        return t.equals("-") || t.isEmpty() ? null : CollectionYear.parse(t);
    }
}
