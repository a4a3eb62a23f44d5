package uk.csc.workflow.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One input field and what it takes, read from a Camunda Form or declared for an API body:
 * enough to generate the values it must refuse.
 */
record FieldSpec(String name, Kind kind, boolean required, int maxLength, List<String> codes) {

    enum Kind {
        /** Free text up to maxLength. */
        TEXT,
        /** Something that happened: not in the future, not before the child's birth or the case. */
        PAST_DATE,
        /** A date that may be ahead, but at most a year (a review, a support review, an expected birth). */
        PLANNED_DATE,
        /** A date and time (the contact API's receivedAt). */
        DATE_TIME,
        /** One of a list of codes. */
        CODE,
        /** True or false. */
        FLAG,
        /** A whole number (days absent). */
        NUMBER
    }

    /** Form date fields that name a date ahead rather than one that has passed. */
    static final Set<String> PLANNED = Set.of("reviewPlannedFor", "supportReviewOn", "childExpectedBirth");

    static FieldSpec text(String name, boolean required, int maxLength) {
        return new FieldSpec(name, Kind.TEXT, required, maxLength, List.of());
    }

    static FieldSpec date(String name, boolean required) {
        return new FieldSpec(name, Kind.PAST_DATE, required, 0, List.of());
    }

    static FieldSpec planned(String name, boolean required) {
        return new FieldSpec(name, Kind.PLANNED_DATE, required, 0, List.of());
    }

    static FieldSpec code(String name, boolean required, List<String> codes) {
        return new FieldSpec(name, Kind.CODE, required, 0, codes);
    }

    static FieldSpec flag(String name, boolean required) {
        return new FieldSpec(name, Kind.FLAG, required, 0, List.of());
    }

    /**
     * The writable fields of a form, as the form declares them. A field is required here only when
     * the form requires it unconditionally (a field the form hides for some answers is not).
     * Every text field must declare its maxLength: the suite asks for one character more.
     */
    static List<FieldSpec> ofForm(String formId) {
        try {
            JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms", formId + ".form")));
            List<FieldSpec> fields = new ArrayList<>();
            collect(form, formId, fields);
            return fields;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read form " + formId, e);
        }
    }

    private static void collect(JsonNode node, String formId, List<FieldSpec> into) {
        for (JsonNode component : node.path("components")) {
            String key = component.path("key").asText(null);
            if (key != null && !component.path("readonly").asBoolean(false)) {
                boolean required = component.path("validate").path("required").asBoolean(false) && !component.has("conditional");
                int max = component.path("validate").path("maxLength").asInt(0);
                List<String> values = new ArrayList<>();
                component.path("values").forEach(v -> {
                    if (!v.path("value").asText().isEmpty()) {
                        values.add(v.path("value").asText());
                    }
                });
                switch (component.path("type").asText()) {
                    case "textfield", "textarea" -> {
                        if (max <= 0) {
                            throw new IllegalStateException(formId + "#" + key + " declares no maxLength");
                        }
                        into.add(text(key, required, max));
                    }
                    case "datetime" -> into.add(PLANNED.contains(key) ? planned(key, required) : date(key, required));
                    case "select", "radio" -> into.add(code(key, required, values));
                    // A required tick box must be ticked, not just answered.
                    case "checkbox" -> into.add(required ? new FieldSpec(key, Kind.FLAG, true, 0, List.of("true")) : flag(key, false));
                    default -> { }
                }
            }
            collect(component, formId, into);
        }
    }
}
