package uk.csc.workflow.platform.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine REST error answer may say. The engine's messages carry message codes
 * ({@code ENGINE-03005}), Java class names and, when the database refused a statement, the SQL:
 * none of that reaches a caller. Also reads the field a caller's mistake concerns out of the
 * engine's own wording, where it names one.
 */
final class EngineRestMessages {

    static final String SERVER_FAULT = "Something went wrong; the error has been logged";
    private static final int MAX_LENGTH = 500;

    private static final Pattern MESSAGE_CODE = Pattern.compile("\\b(?:ENGINE|DMN|CMMN|FEEL(?:/[A-Z]+)?|SPIN/[A-Z-]+)-\\d{4,6}\\b:?\\s*");
    /** An exception's class name before its message ("org.camunda...SomeException: Cannot ..."). */
    private static final Pattern CLASS_PREFIX = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:\\s*");
    /** "to java type class java.lang.Integer" and the like. */
    private static final Pattern JAVA_TYPE = Pattern.compile("(?i)\\b(?:to |of )?java type (?:class |interface )?(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class |interface )?(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Z][A-Za-z0-9_$]*)*(?:\\[])?");
    private static final Pattern EXCEPTION_WORD = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b:?\\s*");
    private static final Pattern SQL = Pattern.compile("(?i)(###|\\bSQL\\b|\\bselect\\s.+\\sfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bjdbc\\b|psql|sqlstate|mybatis|ibatis)");
    private static final Pattern QUOTED_NAME = Pattern.compile("(?i)(?:parameter|variable|property|field|name)(?: with name)? '([A-Za-z_][\\w.-]{0,99})'");
    private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\[\"([^\"]{1,100})\"]");
    private static final Pattern UNKNOWN = Pattern.compile("(?i)(cannot find|can't find|could not find|no (?:matching |deployed )?\\w+(?: \\w+)? (?:found|with id)|not found|does not exist|doesn't exist|is null$|task is null|execution is null|process instance is null)");

    private EngineRestMessages() {
    }

    /** The engine's message without codes, class names or SQL; {@code null} when nothing fit to show is left. */
    static String clean(String message) {
        if (message == null || message.isBlank() || SQL.matcher(message).find()) {
            return null;
        }
        return tidy(message);
    }

    /** Our own refusal (it may quote what the caller sent): without codes or class names, on one line, not too long. */
    static String tidy(String message) {
        if (message == null) {
            return null;
        }
        String text = message.replaceAll("[\\r\\n\\t]+", " ");
        text = MESSAGE_CODE.matcher(text).replaceAll("");
        text = CLASS_PREFIX.matcher(text).replaceAll("");
        text = JAVA_TYPE.matcher(text).replaceAll("to the expected type");
        text = CLASS_NAME.matcher(text).replaceAll("a value");
        text = EXCEPTION_WORD.matcher(text).replaceAll("");
        text = text.replaceAll("\\s{2,}", " ").replaceAll("^[\\s:;,.-]+", "").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }

    /** Whether a server error is really the caller naming something that does not exist (an unknown id). */
    static boolean namesSomethingUnknown(String message) {
        return message != null && UNKNOWN.matcher(message.strip()).find();
    }

    /** Whether the engine refused a Java-serialized value (its serialization format is switched off). */
    static boolean refusesJavaSerialization(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("java serialization");
    }

    /** The field an engine message names: a quoted parameter or variable name, or the last JSON property of a binding error. */
    static String fieldIn(String message, String otherwise) {
        if (message == null) {
            return otherwise;
        }
        Matcher quoted = QUOTED_NAME.matcher(message);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher chain = REFERENCE_CHAIN.matcher(message);
        String last = null;
        while (chain.find()) {
            last = chain.group(1);
        }
        return last != null ? last : otherwise;
    }
}
