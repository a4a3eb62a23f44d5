package uk.csc.workflow.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.csc.workflow.support.TestTime;

/**
 * The values each kind of field must refuse, generated from the field's own declaration: missing,
 * blank, one character too long, the wrong type, impossible, garbage and edge-of-the-calendar
 * dates, dates in the future or before the child or the case, whitespace-padded bad values,
 * codes that are not on the list. A value of {@link #MISSING} means "leave the field out".
 */
final class BadValues {

    /** Leave the field out of the request. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "(missing)";
        }
    };

    /** Long before any child of the tests was born, but a real, plausible-looking date. */
    static final String BEFORE_THE_CHILD = "1950-06-15";

    /** How a surface takes a value: a Map-bodied API, a record-bodied API (JSON binding), or a form through the engine. */
    enum Surface { MAP_API, RECORD_API, ENGINE }

    private BadValues() {
    }

    /** Every value the field must refuse, label to value, in a stable order. */
    static Map<String, Object> of(FieldSpec field, Surface surface) {
        Map<String, Object> all = new LinkedHashMap<>();
        groups(field, surface).forEach(all::putAll);
        return all;
    }

    /**
     * One value of each group of alike values (the three ways of being blank, the two edges of
     * the calendar, the wrong types...), a different one for a different {@code turn}: over the
     * forms and endpoints every value of every group is sent, and each field gets every kind of mistake.
     */
    static Map<String, Object> sample(FieldSpec field, Surface surface, int turn) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Map<String, Object> group : groups(field, surface)) {
            List<String> labels = new ArrayList<>(group.keySet());
            String label = labels.get(Math.floorMod(turn, labels.size()));
            chosen.put(label, group.get(label));
        }
        return chosen;
    }

    private static Map<String, Object> group(Object... pairs) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            group.put((String) pairs[i], pairs[i + 1]);
        }
        return group;
    }

    private static List<Map<String, Object>> groups(FieldSpec field, Surface surface) {
        LocalDate today = TestTime.today();
        boolean loose = surface != Surface.RECORD_API;
        List<Map<String, Object>> groups = new ArrayList<>();
        if (field.required() && field.kind() != FieldSpec.Kind.FLAG && field.kind() != FieldSpec.Kind.NUMBER) {
            groups.add(group("missing", MISSING, "blank", "", "whitespace only", "  \t\n "));
        }
        switch (field.kind()) {
            case TEXT -> {
                groups.add(group("one character too long (" + (field.maxLength() + 1) + ")", "x".repeat(field.maxLength() + 1)));
                groups.add(group("too long after trimming, padded with whitespace", "  " + "y".repeat(field.maxLength() + 1) + " \n"));
                groups.add(loose ? group("an object instead of text", Map.of("text", "abc"), "a list instead of text", List.of("a", "b"),
                        "a number instead of text", 42) : group("an object instead of text", Map.of("text", "abc"),
                        "a list instead of text", List.of("a", "b")));
                if (loose) {
                    groups.add(group("a control character", "abc\u0000def", "a bell character", "abc\u0007"));
                }
            }
            case PAST_DATE, PLANNED_DATE -> {
                groups.add(group("garbage after the date", today + "garbage", "padded garbage", "  " + today + "x  ",
                        "not a date at all", "next Tuesday"));
                groups.add(group("30 February", today.getYear() + "-02-30", "month 13", today.getYear() + "-13-01",
                        "31 April", today.getYear() + "-04-31"));
                groups.add(group("edge of the calendar +999999999-12-31", "+999999999-12-31",
                        "edge of the calendar -999999999-01-01", "-999999999-01-01", "year 0", "0000-01-01", "year 9999", "9999-12-31"));
                groups.add(loose ? group("an object instead of a date", Map.of("date", today.toString()),
                        "a number instead of a date", 20261201, "a date and time instead of a date", today + "T10:00:00")
                        : group("an object instead of a date", Map.of("date", today.toString())));
                if (field.kind() == FieldSpec.Kind.PAST_DATE) {
                    groups.add(group("tomorrow (in the future)", today.plusDays(1).toString()));
                    groups.add(group("before the child was born or the case began", BEFORE_THE_CHILD));
                } else {
                    groups.add(group("two years ahead", today.plusYears(2).toString()));
                    groups.add(group("long in the past", BEFORE_THE_CHILD));
                }
            }
            case DATE_TIME -> {
                groups.add(group("garbage", "not a time", "a date without a time", today.toString()));
                groups.add(group("30 February", today.getYear() + "-02-30T10:00:00Z"));
                groups.add(group("edge of the calendar +999999999-12-31", "+999999999-12-31T00:00:00Z",
                        "edge of the calendar -999999999-01-01", "-999999999-01-01T00:00:00Z"));
                groups.add(group("year 1899", "1899-12-31T10:00:00Z"));
                groups.add(group("tomorrow (in the future)", TestTime.now().plusDays(1).toString()));
                groups.add(group("before the child was born", BEFORE_THE_CHILD + "T10:00:00Z"));
                groups.add(group("an object instead of a time", Map.of("at", "now")));
            }
            case CODE -> {
                String first = field.codes().isEmpty() ? "x" : field.codes().get(0);
                groups.add(group("not on the list", "NOT_A_CODE", "padded, not on the list", "  ZZ9 "));
                Map<String, Object> near = new LinkedHashMap<>();
                if (!first.toLowerCase(Locale.ROOT).equals(first)) {
                    near.put("in lower case", first.toLowerCase(Locale.ROOT));
                }
                near.put("an object instead of a code", Map.of("code", first));
                if (loose) {
                    near.put("a number instead of a code", 7);
                }
                groups.add(near);
            }
            case FLAG -> {
                groups.add(group("neither true nor false", "maybe", "an object instead of true or false", Map.of("yes", true)));
                if (field.required() && field.codes().contains("true")) {
                    groups.add(group("false where it must be ticked", false, "missing where it must be ticked", MISSING));
                } else if (field.required()) {
                    groups.add(group("missing", MISSING));
                }
            }
            case NUMBER -> {
                groups.add(group("negative", -3, "too many", 121));
                groups.add(group("not a number", "abc", "a fraction", 12.5, "an object instead of a number", Map.of("days", 3)));
                groups.add(group("missing", MISSING));
            }
        }
        return groups;
    }

    /** The engine's typed variables a form field must refuse, whatever the field. */
    static Map<String, Map<String, Object>> typed(FieldSpec field) {
        Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
        typed.put("malformed Json", Map.of("type", "Json", "value", "{\"not\": json"));
        typed.put("a Java-serialized value", Map.of("type", "Object", "value", "rO0ABXQAA2FiYw==", "valueInfo",
                Map.of("serializationDataFormat", "application/x-java-serialized-object", "objectTypeName", "java.lang.String")));
        typed.put("an impossible Date (30 February)", Map.of("type", "Date", "value", TestTime.today().getYear() + "-02-30T00:00:00.000+0000"));
        typed.put("a Date in year 9999", Map.of("type", "Date", "value", "9999-12-31T00:00:00.000+0000"));
        typed.put("an Integer that is no number", Map.of("type", "Integer", "value", "abc"));
        typed.put("a Boolean that is neither", Map.of("type", "Boolean", "value", "maybe"));
        typed.put("an Xml value", Map.of("type", "Xml", "value", "<a/>"));
        typed.put("an unknown type", Map.of("type", "Banana", "value", "x"));
        return typed;
    }

    /** One typed variable per field, a different kind for a different {@code turn}. */
    static Map<String, Map<String, Object>> typedSample(FieldSpec field, int turn) {
        Map<String, Map<String, Object>> typed = typed(field);
        List<String> labels = new ArrayList<>(typed.keySet());
        String label = labels.get(Math.floorMod(turn, labels.size()));
        return Map.of(label, typed.get(label));
    }
}
