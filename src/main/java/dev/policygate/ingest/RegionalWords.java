package dev.policygate.ingest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Taiwan's and Hong Kong's words for what every pattern, lexicon and classifier feature calls by its mainland word:
 * 個人資料 for 个人信息, 蒐集 for 收集, 聯絡 for 联系, 私隱 for 隐私, 營運 for 运营 ({@value #RESOURCE}). A policy in
 * Traditional script has its characters converted first ({@link ChineseScript}) and then the words it uses in place of
 * the mainland ones replaced, each by a mainland word of the same length, so the text keeps its length and every
 * offset holds.
 */
final class RegionalWords {
    static final String RESOURCE = "/script/regional-words.tsv";

    private static final Map<String, String> WORDS = load();
    /**
     * Every word, longest first: at each place the longest word is read (个人资料 before 资料), and a word mapped to
     * itself (a guard: 经营运) keeps its span from a shorter word inside it (营运).
     */
    private static final Pattern ANY = Pattern.compile(WORDS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|")));
    /** The character pairs the replacements write: (regional character) << 16 | (mainland character). */
    private static final Set<Integer> PAIRS = pairs();

    private RegionalWords() {
    }

    /**
     * The text with each regional word that it uses more often than the mainland word replaced by the mainland word;
     * same length. The count tells the vocabulary apart from the script: a mainland policy in Traditional script
     * says 个人信息 throughout and 个人资料 for a profile page (编辑个人资料), which stays as it is.
     */
    static String toMainland(String text) {
        Map<String, Integer> regional = new HashMap<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            regional.merge(m.group(), 1, Integer::sum);
        }
        Set<String> replaced = new HashSet<>();
        regional.forEach((word, count) -> {
            String mainland = WORDS.get(word);
            if (!mainland.equals(word) && count > occurrences(text, mainland)) {
                replaced.add(word);
            }
        });
        if (replaced.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        m.reset();
        while (m.find()) {
            if (replaced.contains(m.group())) {
                WORDS.get(m.group()).getChars(0, m.end() - m.start(), chars, m.start());
            }
        }
        return new String(chars);
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    /** Whether {@link #toMainland} may have written {@code read} where the text had {@code simplified}. */
    static boolean replaces(char simplified, char read) {
        return PAIRS.contains(simplified << 16 | read);
    }

    private static Set<Integer> pairs() {
        Set<Integer> pairs = new HashSet<>();
        WORDS.forEach((regional, mainland) -> {
            for (int i = 0; i < regional.length(); i++) {
                if (regional.charAt(i) != mainland.charAt(i)) {
                    pairs.add(regional.charAt(i) << 16 | mainland.charAt(i));
                }
            }
        });
        return Set.copyOf(pairs);
    }

    private static Map<String, String> load() {
        Map<String, String> words = new LinkedHashMap<>();
        for (String line : ChineseScript.tableLines(RESOURCE)) {
            String[] pair = line.split("\t", -1);
            if (pair.length != 2 || pair[0].isEmpty() || pair[0].length() != pair[1].length()
                    || words.put(pair[0], pair[1]) != null) {
                throw new IllegalStateException(RESOURCE + ": not a new word and a mainland word of its length: "
                        + line);
            }
        }
        return Map.copyOf(words);
    }
}
