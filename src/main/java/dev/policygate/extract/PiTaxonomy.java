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
    /** Every term (lower-cased) with its type, in file order (a term in two rows keeps the first). */
    private static final Map<String, PiType> TERMS = terms();
    private static final TermMatcher<PiType> MATCHER = build();

    private PiTaxonomy() {
    }

    private static Map<String, PiType> terms() {
        Map<String, PiType> m = new LinkedHashMap<>();
        for (String[] row : FILE.rows()) {
            if (row.length < 4) {
                throw new IllegalStateException("Bad row in " + RESOURCE + ": " + String.join("\t", row));
            }
            PiType type = new PiType(row[1].strip(), row[2].strip(), Boolean.parseBoolean(row[3].strip()));
            for (String syn : row[0].split("\\|")) {
                String term = syn.strip().toLowerCase(java.util.Locale.ROOT);
                if (!term.isEmpty()) {
                    m.putIfAbsent(term, type);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static TermMatcher<PiType> build() {
        TermMatcher<PiType> m = new TermMatcher<>();
        TERMS.forEach(m::add);
        return m.seal();
    }

    /** Version and source line of the data file. */
    public static String version() {
        return FILE.header();
    }

    static List<TermMatcher.Hit<PiType>> hits(String text, int from, int to) {
        List<TermMatcher.Hit<PiType>> all = MATCHER.find(text, from, to);
        sharedHeads(text, from, to, all);
        all.removeIf(h -> negated(text, h.start()));
        return all;
    }

    /** Conjunctions between modifiers that share one head noun. */
    private static final String CONJUNCTIONS = "、和及与或/";
    /** Head nouns that Chinese writes once after coordinated modifiers. */
    private static final String[] HEADS = {"记录", "信息", "数据", "号码", "内容", "历史"};
    private static final int MAX_MODIFIER = 4;

    /** At most this many modifiers in one coordination are read. */
    private static final int MAX_MODIFIERS = 6;

    /**
     * Coordinated modifiers that share one head noun ("浏览、搜索等记录", "交易、支付、预订等信息", "设备、位置信息"): Chinese
     * writes the head once, the taxonomy names the full terms (浏览记录, 搜索记录). From a conjunction, the modifiers
     * after it are read up to the head (each of 1 to {@link #MAX_MODIFIER} Han characters, separated by conjunctions,
     * the last one optionally followed by 等), and the modifier before it by its last 1 to {@link #MAX_MODIFIER}
     * characters. Each modifier that, with the head, is a term and that no hit covers yet becomes a hit over the
     * modifier (in text order with the others).
     */
    private static void sharedHeads(String text, int from, int to, List<TermMatcher.Hit<PiType>> hits) {
        List<TermMatcher.Hit<PiType>> found = new ArrayList<>();
        for (int j = from + 1; j < to - 1; j++) {
            if (!isConjunction(text.charAt(j))) {
                continue;
            }
            List<int[]> modifiers = new ArrayList<>();
            String head = null;
            int p = j + 1;
            while (head == null && modifiers.size() < MAX_MODIFIERS) {
                int q = p;
                while (q < to && q - p <= MAX_MODIFIER && isHan(text.charAt(q)) && !isConjunction(text.charAt(q))
                        && (q == p || headAt(text, q, to) == null)) {
                    q++;
                }
                int length = q - p;
                boolean etc = length > 1 && text.charAt(q - 1) == '等' && headAt(text, q, to) != null;
                int modifierEnd = etc ? q - 1 : q;
                if (modifierEnd - p < 1 || modifierEnd - p > MAX_MODIFIER) {
                    break;
                }
                modifiers.add(new int[] {p, modifierEnd});
                head = headAt(text, q, to);
                if (head == null) {
                    if (q >= to || !isConjunction(text.charAt(q))) {
                        break;
                    }
                    p = q + 1;
                }
            }
            if (head == null) {
                continue;
            }
            for (int[] m : modifiers) {
                addModifier(text, m[0], m[1], head, hits, found);
            }
            // the modifier before the conjunction has no marked start, so each length is tried
            for (int len = Math.min(MAX_MODIFIER, j - from); len >= 1; len--) {
                if (allHan(text, j - len, j) && addModifier(text, j - len, j, head, hits, found)) {
                    break;
                }
            }
            j = modifiers.get(modifiers.size() - 1)[1];
        }
        if (!found.isEmpty()) {
            hits.addAll(found);
            hits.sort(java.util.Comparator.comparingInt(TermMatcher.Hit::start));
        }
    }

    /** The head noun that starts at {@code at}, or null. */
    private static String headAt(String text, int at, int to) {
        for (String h : HEADS) {
            if (at + h.length() <= to && text.startsWith(h, at)) {
                return h;
            }
        }
        return null;
    }

    private static boolean isConjunction(char c) {
        return CONJUNCTIONS.indexOf(c) >= 0;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean addModifier(String text, int start, int end, String head,
                                       List<TermMatcher.Hit<PiType>> hits, List<TermMatcher.Hit<PiType>> found) {
        for (List<TermMatcher.Hit<PiType>> l : List.of(hits, found)) {
            for (TermMatcher.Hit<PiType> h : l) {
                if (h.start() < end && h.end() > start) {
                    return false;
                }
            }
        }
        String term = text.substring(start, end) + head;
        PiType type = TERMS.get(term.toLowerCase(java.util.Locale.ROOT));
        if (type == null) {
            return false;
        }
        found.add(new TermMatcher.Hit<>(start, end, term, type));
        return true;
    }

    private static boolean allHan(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHan(text.charAt(i))) {
                return false;
            }
        }
        return true;
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
