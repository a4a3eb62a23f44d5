package uk.csc.workflow.platform.forms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Reads submitted form or request values and collects every problem before failing, so a
 * practitioner sees all the corrections at once. Call {@link #validate()} after reading.
 *
 * <p>The rules every field of every form and API shares live here, once:
 * <ul>
 *   <li>text is a string, trimmed before it is checked and stored, at most as long as its column
 *       (counted in characters, as the database counts), without control characters;</li>
 *   <li>a date is {@code YYYY-MM-DD} exactly (no time, no trailing text, no 30 February), between
 *       {@link #EARLIEST} and {@link #LATEST}; what happened cannot be in the future
 *       ({@link #pastDate}), nor before a {@link DateBound} such as the child's birth or the start
 *       of the case; a planned date is at most {@link #PLANNING_HORIZON} ahead;</li>
 *   <li>a code is one of its list, exactly; a flag is true or false; a number is a whole number in range.</li>
 * </ul>
 */
public final class FormValues {

    /** No record of this service is dated before 1900 (a child born then would be over 120). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Nor after 2199: beyond any plan, and within every database's and Java's date range. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    /** How far ahead a planned date (a review, a support review) may be set. */
    public static final int PLANNING_HORIZON_YEARS = 1;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int ECHO = 40;

    private final Map<String, ?> values;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormValues(Map<String, ?> values) {
        this.values = values == null ? Map.of() : values;
    }

    // ---- text -------------------------------------------------------------------------------

    /** Trimmed text, or null when absent or blank: the one normalisation every input gets before it is checked and stored. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public String text(String field, int maxLength) {
        String text = optionalText(field, maxLength);
        if (text == null && !hasProblem(field)) {
            problem(field, "is required");
        }
        return text;
    }

    public String optionalText(String field, int maxLength) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String raw)) {
            problem(field, "must be text");
            return null;
        }
        String text = clean(raw);
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            problem(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (hasControlCharacters(text)) {
            problem(field, "must not contain control characters");
            return null;
        }
        return text;
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F);
    }

    // ---- dates ------------------------------------------------------------------------------

    public LocalDate date(String field) {
        LocalDate date = optionalDate(field);
        if (date == null && !hasProblem(field)) {
            problem(field, "is required");
        }
        return date;
    }

    /**
     * A date: {@code YYYY-MM-DD} as text, or a date the engine or JSON binding already made
     * (a form's Date variable is read as its London day). Anything else, an impossible day, or a
     * date outside {@link #EARLIEST}..{@link #LATEST}, is a problem.
     */
    public LocalDate optionalDate(String field) {
        Object value = values.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        LocalDate date = toDate(value);
        if (date == null) {
            problem(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problem(field, "must be a date between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return date;
    }

    private static LocalDate toDate(Object value) {
        try {
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value instanceof java.util.Date date) {
                return Instant.ofEpochMilli(date.getTime()).atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
            }
            if (value instanceof String text && ISO_DATE.matcher(text.strip()).matches()) {
                // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is refused, not moved to 2 March.
                return LocalDate.parse(text.strip());
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A required date on or before {@code today}: what happened cannot have happened tomorrow. */
    public LocalDate pastDate(String field, LocalDate today) {
        return pastDate(field, today, null);
    }

    /** A required date on or before {@code today} and not before {@code notBefore}. */
    public LocalDate pastDate(String field, LocalDate today, DateBound notBefore) {
        return notBefore(field, notAfter(field, date(field), today), notBefore);
    }

    public LocalDate optionalPastDate(String field, LocalDate today) {
        return optionalPastDate(field, today, null);
    }

    public LocalDate optionalPastDate(String field, LocalDate today, DateBound notBefore) {
        return notBefore(field, notAfter(field, optionalDate(field), today), notBefore);
    }

    /** A required planned date: not before {@code notBefore}, at most {@link #PLANNING_HORIZON_YEARS} after today. */
    public LocalDate plannedDate(String field, LocalDate today, DateBound notBefore) {
        return planned(field, date(field), today, notBefore);
    }

    public LocalDate optionalPlannedDate(String field, LocalDate today, DateBound notBefore) {
        return planned(field, optionalDate(field), today, notBefore);
    }

    private LocalDate planned(String field, LocalDate date, LocalDate today, DateBound notBefore) {
        LocalDate horizon = today.plusYears(PLANNING_HORIZON_YEARS);
        if (date != null && !hasProblem(field) && date.isAfter(horizon)) {
            problem(field, "cannot be more than " + PLANNING_HORIZON_YEARS + " year ahead (after " + horizon + ")");
        }
        return notBefore(field, date, notBefore);
    }

    /** Checks a date already read: it cannot be after {@code today}. */
    public LocalDate notAfter(String field, LocalDate date, LocalDate today) {
        if (date != null && !hasProblem(field) && date.isAfter(today)) {
            problem(field, "cannot be in the future");
        }
        return date;
    }

    /** Checks a date already read against a bound (ignored when null): "cannot be before the child's date of birth (...)". */
    public LocalDate notBefore(String field, LocalDate date, DateBound bound) {
        if (date != null && bound != null && bound.date() != null && !hasProblem(field) && date.isBefore(bound.date())) {
            problem(field, "cannot be before " + bound.describe());
        }
        return date;
    }

    /** Whether a date is within the plausible range of every record (for values bound by JSON, not read here). */
    public static boolean plausible(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    // ---- codes, flags and numbers -----------------------------------------------------------

    public <E extends Enum<E>> E code(String field, Class<E> type) {
        E code = optionalCode(field, type);
        if (code == null && !hasProblem(field)) {
            problem(field, "is required");
        }
        return code;
    }

    public <E extends Enum<E>> E optionalCode(String field, Class<E> type) {
        Object value = values.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof String text) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text.strip())) {
                    return constant;
                }
            }
        }
        problem(field, echo(value) + " is not one of " + List.of(type.getEnumConstants()));
        return null;
    }

    public String oneOf(String field, Set<String> allowed) {
        String value = text(field, 64);
        if (value != null && !allowed.contains(value)) {
            problem(field, echo(value) + " is not one of " + new java.util.TreeSet<>(allowed));
            return null;
        }
        return value;
    }

    /** A tick box: true or false (absent or blank is false); anything else is a problem. */
    public boolean flag(String field) {
        Boolean flag = optionalFlag(field);
        return Boolean.TRUE.equals(flag);
    }

    public Boolean optionalFlag(String field) {
        Object value = values.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && Set.of("true", "false").contains(text.strip().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(text.strip());
        }
        problem(field, "must be true or false");
        return null;
    }

    /** Whether a value was given for {@code field} (blank text counts as none). */
    public boolean has(String field) {
        Object value = values.get(field);
        return value != null && !(value instanceof String text && text.isBlank());
    }

    /** A required whole number from {@code min} to {@code max}: a JSON or engine integer, or digits as text. */
    public Integer wholeNumber(String field, int min, int max) {
        Object value = values.get(field);
        Long number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof String text && text.strip().matches("-?\\d{1,10}")) {
            number = Long.parseLong(text.strip());
        }
        if (value == null || value instanceof String s && s.isBlank()) {
            problem(field, "is required: a whole number from " + min + " to " + max);
            return null;
        }
        if (number == null || number < min || number > max) {
            problem(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return number.intValue();
    }

    // ---- problems ---------------------------------------------------------------------------

    /** Records a rule that spans fields, e.g. "the child must be seen before completion". */
    public void problem(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** @throws BadRequestException listing every problem found */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new BadRequestException(List.copyOf(problems));
        }
    }

    /** A submitted value as a refusal may quote it: short, on one line. */
    static String echo(Object value) {
        String text = value instanceof String s ? s.strip() : String.valueOf(value);
        text = text.replaceAll("\\p{Cntrl}", " ");
        return "'" + (text.length() > ECHO ? text.substring(0, ECHO) + "..." : text) + "'";
    }
}
