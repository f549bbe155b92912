package dev.policygate.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated lexicon on the class path. Lines starting with {@code #} are comments; the first comment
 * line names the version and source of the data. Every other non-blank line is one row of columns.
 */
public record LexiconFile(String resource, String header, List<String[]> rows) {

    public static LexiconFile load(String resource) {
        InputStream in = LexiconFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Lexicon not found on class path: " + resource);
        }
        String header = null;
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (header == null) {
                        header = line.substring(1).strip();
                    }
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LexiconFile(resource, header, List.copyOf(rows));
    }
}
