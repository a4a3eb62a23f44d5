package uk.csc.workflow.platform.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.FieldProblem;

/**
 * Reads submitted form or request values and collects every problem before failing, so a
 * practitioner sees all the corrections at once. Call {@link #validate()} after reading.
 */
public final class FormValues {

    private final Map<String, Object> values;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormValues(Map<String, Object> values) {
        this.values = values;
    }

    public String text(String field, int maxLength) {
        Object value = values.get(field);
        String text = value == null ? null : value.toString().strip();
        if (text == null || text.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
        }
        return text;
    }

    public String optionalText(String field, int maxLength) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return text(field, maxLength);
    }

    public LocalDate date(String field) {
        LocalDate date = optionalDate(field);
        if (date == null && !hasProblem(field)) {
            problems.add(new FieldProblem(field, "is required"));
        }
        return date;
    }

    public LocalDate optionalDate(String field) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(uk.csc.workflow.timescales.StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        }
        try {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** A required date on or before {@code today}: what happened cannot have happened tomorrow. */
    public LocalDate pastDate(String field, LocalDate today) {
        return notAfter(field, date(field), today);
    }

    public LocalDate optionalPastDate(String field, LocalDate today) {
        return notAfter(field, optionalDate(field), today);
    }

    private LocalDate notAfter(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            problems.add(new FieldProblem(field, "cannot be in the future"));
        }
        return date;
    }

    public <E extends Enum<E>> E code(String field, Class<E> type) {
        E code = optionalCode(field, type);
        if (code == null && !hasProblem(field)) {
            problems.add(new FieldProblem(field, "is required"));
        }
        return code;
    }

    public <E extends Enum<E>> E optionalCode(String field, Class<E> type) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toString().strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    public String oneOf(String field, Set<String> allowed) {
        String value = text(field, 64);
        if (value != null && !allowed.contains(value)) {
            problems.add(new FieldProblem(field, "'" + value + "' is not one of " + allowed));
        }
        return value;
    }

    public boolean flag(String field) {
        Object value = values.get(field);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** Records a rule that spans fields, e.g. "the child must be seen before completion". */
    public void problem(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** @throws BadRequestException listing every problem found */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new BadRequestException(List.copyOf(problems));
        }
    }
}
