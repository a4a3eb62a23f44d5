package uk.csc.workflow.casefile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import uk.csc.workflow.platform.forms.FormValues;

/** Reading request fields that {@link FormValues} has no reader for: yes/no answers, ids, lists of codes, contact details. */
final class Fields {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{5,28}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Fields() {
    }

    /** A required yes/no answer: true or false (also "yes" and "no"). */
    static Boolean yesNo(Map<String, Object> values, String field, FormValues form) {
        Object value = values.get(field);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value.toString().isBlank()) {
            form.problem(field, "is required (true or false)");
            return null;
        }
        return switch (value.toString().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                form.problem(field, "must be true or false");
                yield null;
            }
        };
    }

    /** An optional id (a whole number). */
    static Long optionalId(Map<String, Object> values, String field, FormValues form) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            form.problem(field, "must be a number");
            return null;
        }
    }

    /** An optional list of codes of {@code type}. */
    static <E extends Enum<E>> Set<E> codes(Map<String, Object> values, String field, Class<E> type, FormValues form) {
        Object value = values.get(field);
        Set<E> codes = new LinkedHashSet<>();
        if (value == null) {
            return codes;
        }
        List<Object> items = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
        for (Object item : items) {
            try {
                codes.add(Enum.valueOf(type, String.valueOf(item).strip()));
            } catch (IllegalArgumentException e) {
                form.problem(field, "'" + item + "' is not one of " + List.of(type.getEnumConstants()));
            }
        }
        return codes;
    }

    static String phone(FormValues form, String field) {
        String phone = form.optionalText(field, 30);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            form.problem(field, "must be a telephone number (digits, spaces, + and brackets)");
        }
        return phone;
    }

    static String email(FormValues form, String field) {
        String email = form.optionalText(field, 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            form.problem(field, "must be an email address");
        }
        return email;
    }
}
