package dev.policygate.extract;

import dev.policygate.facts.PiType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps PI wording to {@link PiType}s through {@code lexicon/pi-taxonomy.tsv} (GB/T 35273-2020 Annex A
 * categories, Annex B / PIPL Art. 28 sensitivity). Loaded once.
 */
public final class PiTaxonomy {
    public static final String RESOURCE = "/lexicon/pi-taxonomy.tsv";
    private static final LexiconFile FILE = LexiconFile.load(RESOURCE);
    private static final TermMatcher<PiType> MATCHER = build();

    private PiTaxonomy() {
    }

    private static TermMatcher<PiType> build() {
        TermMatcher<PiType> m = new TermMatcher<>();
        for (String[] row : FILE.rows()) {
            if (row.length < 4) {
                throw new IllegalStateException("Bad row in " + RESOURCE + ": " + String.join("\t", row));
            }
            PiType type = new PiType(row[1].strip(), row[2].strip(), Boolean.parseBoolean(row[3].strip()));
            for (String syn : row[0].split("\\|")) {
                m.add(syn, type);
            }
        }
        return m.seal();
    }

    /** Version and source line of the data file. */
    public static String version() {
        return FILE.header();
    }

    static List<TermMatcher.Hit<PiType>> hits(String text, int from, int to) {
        List<TermMatcher.Hit<PiType>> all = MATCHER.find(text, from, to);
        all.removeIf(h -> negated(text, h.start()));
        return all;
    }

    /** 非个人身份信息, 非敏感信息: a term negated by a preceding 非 is not that type. */
    private static boolean negated(String text, int start) {
        return start > 0 && text.charAt(start - 1) == '非';
    }

    /** The distinct PI types named in {@code text[from, to)}, in order of first mention. */
    public static List<PiType> typesIn(String text, int from, int to) {
        Map<String, PiType> out = new LinkedHashMap<>();
        for (TermMatcher.Hit<PiType> h : hits(text, from, to)) {
            out.putIfAbsent(h.value().name(), h.value());
        }
        return new ArrayList<>(out.values());
    }

    public static List<PiType> typesIn(String text) {
        return typesIn(text, 0, text.length());
    }

    public static List<String> namesIn(String text) {
        return typesIn(text).stream().map(PiType::name).toList();
    }
}
