package uk.csc.workflow.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** One table of a return: its file name, the DfE's column names and the rows (each cell a string, "" when blank). */
record Table(String file, List<String> columns, List<List<String>> rows) {

    Table(String file, List<String> columns) {
        this(file, columns, new ArrayList<>());
    }

    void add(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(file + " has " + columns.size() + " columns, not " + cells.length);
        }
        // A fact not held is a blank cell (the validation reports the mandatory ones).
        rows.add(java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toList());
    }

    /** The rows as maps from column name to cell, for readers and tests. */
    List<Map<String, String>> records() {
        return rows.stream().map(row -> {
            Map<String, String> record = new java.util.LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i), row.get(i));
            }
            return record;
        }).toList();
    }

    String csv() {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String cell = row.get(i);
                out.append(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                        ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The tables as one zip, each entry dated {@code producedAt}: the same return made twice is the same file. */
    static byte[] zip(List<Table> tables, Instant producedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Table table : tables) {
                ZipEntry entry = new ZipEntry(table.file());
                entry.setLastModifiedTime(FileTime.from(producedAt));
                zip.putNextEntry(entry);
                zip.write(table.csv().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
