package uk.csc.workflow.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A classpath file of code lists, one {@code LIST|CODE|...} line per code ({@code #} comments and
 * blank lines skipped), read into each list's codes in the file's order. A line that does not fit
 * stops the start-up, naming the file and the line.
 */
final class CodeListFile {

    private CodeListFile() {
    }

    /**
     * @param columns how many {@code |}-separated columns a line has (the last takes the rest of the line)
     * @param layout  how the file's lines read, for the error: e.g. {@code LIST|CODE|label}
     * @param value   what a line holds for its code, from all its columns; an IllegalArgumentException names the problem
     */
    static <V> Map<String, Map<String, V>> read(String file, int columns, String layout, Function<String[], V> value) {
        Map<String, Map<String, V>> lists = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(CodeListFile.class.getResourceAsStream(file), file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", columns);
                if (parts.length != columns || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalStateException(file + " line " + number + " is not " + layout);
                }
                try {
                    lists.computeIfAbsent(parts[0].strip(), l -> new LinkedHashMap<>()).put(parts[1].strip(), value.apply(parts));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lists.replaceAll((list, codes) -> Collections.unmodifiableMap(codes));
        return Collections.unmodifiableMap(lists);
    }
}
