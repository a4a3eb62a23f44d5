package uk.csc.workflow.platform.logging;

/**
 * Text that goes into a log line: line breaks and other control characters are written as
 * escapes ({@code \n}, {@code \r}, {@code \u0085}), so a value that carries a line break cannot
 * start a forged log line. Tabs stay as they are.
 */
public final class LogText {

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null || !needsEscaping(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (isBreaking(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isBreaking(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Control characters (but tab), NEL and the Unicode line and paragraph separators. */
    private static boolean isBreaking(char c) {
        return c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }
}
