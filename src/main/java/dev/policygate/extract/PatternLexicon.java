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
 * A lexicon of keyed regular expressions loaded once from a classpath TSV file under {@code lexicon/}:
 * one {@code KEY<TAB>regex} a line, {@code #} starts a comment. All regexes of one key are joined into a
 * single alternation, in file order, so that a key is one {@link Pattern}. Regexes in these files only use
 * bounded quantifiers, so matching is linear in the sentence length.
 */
public final class PatternLexicon {
    private final Map<String, Pattern> patterns;
    private final Map<String, List<String>> entries;

    private PatternLexicon(Map<String, List<String>> entries) {
        this.entries = entries;
        Map<String, Pattern> p = new LinkedHashMap<>();
        entries.forEach((k, v) -> p.put(k, Pattern.compile(String.join("|", v.stream().map(r -> "(?:" + r + ")").toList()))));
        this.patterns = p;
    }

    public static PatternLexicon load(String resource) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        try (InputStream in = PatternLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    throw new IllegalStateException("bad lexicon line in " + resource + ": " + line);
                }
                entries.computeIfAbsent(line.substring(0, tab).strip(), k -> new ArrayList<>())
                        .add(line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PatternLexicon(entries);
    }

    /** The pattern of {@code key}; a pattern that never matches when the key is absent. */
    public Pattern get(String key) {
        Pattern p = patterns.get(key);
        return p == null ? Pattern.compile("(?!)") : p;
    }

    public boolean find(String key, CharSequence text) {
        return get(key).matcher(text).find();
    }

    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }
}
