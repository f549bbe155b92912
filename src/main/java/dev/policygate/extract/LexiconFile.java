package dev.policygate.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tab-separated lexicon file under {@code lexicon/} on the class path, loaded once. Lines starting with
 * {@code #} are comments; the first comment line names the version and source of the data. Every other
 * non-blank line is one row of tab-separated columns.
 *
 * <p>Two kinds of files use it: term tables (synonyms and their values, read through {@link #rows()}) and keyed
 * pattern files, one {@code KEY<TAB>regex} a line, read through {@link #get(String)} / {@link #find}. All regexes
 * of one key are joined into a single alternation, in file order, so that a key is one {@link Pattern}. Regexes
 * in these files only use bounded quantifiers, so matching is linear in the sentence length.
 */
public final class LexiconFile {
    private static final Rx NEVER = Rx.of("(?!)");

    private final String resource;
    private final String header;
    private final List<String[]> rows;
    /** Keyed patterns, built on first use (term tables never need them). */
    private volatile Map<String, Rx> patterns;

    private LexiconFile(String resource, String header, List<String[]> rows) {
        this.resource = resource;
        this.header = header;
        this.rows = rows;
    }

    /** Loads a lexicon; {@code resource} is a class-path name, with or without a leading slash. */
    public static LexiconFile load(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = LexiconFile.class.getClassLoader().getResourceAsStream(name);
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

    public String resource() {
        return resource;
    }

    /** The first comment line: version and source of the data. */
    public String header() {
        return header;
    }

    /** The rows, each split into its tab-separated columns. */
    public List<String[]> rows() {
        return rows;
    }

    /** The pattern of {@code key}: the alternation of its regexes; a pattern that never matches when absent. */
    public Pattern get(String key) {
        return rx(key).pattern();
    }

    /** The pattern of {@code key} with its literal pre-check ({@link Rx}): use it to match sentences. */
    Rx rx(String key) {
        Rx p = patterns().get(key);
        return p == null ? NEVER : p;
    }

    public boolean find(String key, CharSequence text) {
        return rx(key).find(text);
    }

    /** The keys of a keyed pattern file, in file order. */
    public List<String> keys() {
        return List.copyOf(patterns().keySet());
    }

    private Map<String, Rx> patterns() {
        Map<String, Rx> p = patterns;
        if (p == null) {
            Map<String, List<String>> entries = new LinkedHashMap<>();
            for (String[] row : rows) {
                if (row.length < 2 || row[0].isBlank()) {
                    throw new IllegalStateException("bad lexicon line in " + resource + ": " + String.join("\t", row));
                }
                String regex = String.join("\t", java.util.Arrays.copyOfRange(row, 1, row.length)).strip();
                entries.computeIfAbsent(row[0].strip(), k -> new ArrayList<>()).add(regex);
            }
            p = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : entries.entrySet()) {
                p.put(e.getKey(), Rx.of(String.join("|", e.getValue().stream().map(r -> "(?:" + r + ")").toList())));
            }
            patterns = p;
        }
        return p;
    }
}
