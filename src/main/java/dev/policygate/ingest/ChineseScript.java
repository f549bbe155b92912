package dev.policygate.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which script a policy is written in. Every pattern, lexicon and n-gram of the classifier is Simplified Chinese:
 * <ul>
 * <li>a policy in <b>Traditional</b> script (a mainland app's policy for Hong Kong or Macau, a page rendered in
 * Traditional characters) is read in Simplified script. Unconverted, the Traditional forms of the corpus' 38
 * policies scored 41 points lower on average, 826 of their 1,710 findings changed; converted, all 38 give the
 * findings of their originals;</li>
 * <li>a text that is <b>not Chinese</b> (an English policy) cannot be read at all, and is refused rather than judged
 * on facts it was never able to find.</li>
 * </ul>
 *
 * <p>The conversion maps character to character, so the text keeps its length and line structure. Its table is
 * {@value #RESOURCE}: ICU4J's Traditional-Simplified transliteration of each ideograph of U+3400–U+9FFF that it
 * turns into one other character (written and checked by {@code ChineseScriptTest}).
 */
final class ChineseScript {
    static final String RESOURCE = "/script/traditional-to-simplified.tsv";

    enum Script { SIMPLIFIED, TRADITIONAL, NOT_CHINESE }

    /**
     * A text is Traditional when at least this share of its ideographs exists in Traditional script only. Simplified
     * policies hold at most 0.08 % (著 of 显著 and the like), their Traditional forms at least 28 % (measured on the
     * corpus' 103 policies and their ICU4J conversions).
     */
    private static final double TRADITIONAL_SHARE = 0.02;
    /**
     * A text is Chinese when at least this share of its letters are ideographs. The corpus' policies hold at least
     * 79 % (SDK names, URLs and e-mail addresses are the rest); a policy in Chinese and English about 20 %; an
     * English policy that names its company and address in Chinese 1 to 2 %.
     */
    private static final double CHINESE_SHARE = 0.05;
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    private static final char[] SIMPLIFIED = load();

    private ChineseScript() {
    }

    /**
     * Whether the ideographs of a text are in Traditional script, whatever else it holds: an HTML page in Traditional
     * script is, though its markup may outnumber its Chinese.
     */
    static boolean isTraditional(CharSequence text) {
        Counts n = count(text);
        return n.ideographs > 0 && n.traditional >= TRADITIONAL_SHARE * n.ideographs;
    }

    /** The script of a text: one pass over its characters. */
    static Script of(CharSequence text) {
        Counts n = count(text);
        if (n.ideographs == 0 || n.ideographs < CHINESE_SHARE * (n.ideographs + n.otherLetters)) {
            return Script.NOT_CHINESE;
        }
        return n.traditional >= TRADITIONAL_SHARE * n.ideographs ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    private record Counts(int ideographs, int traditional, int otherLetters) {
    }

    private static Counts count(CharSequence text) {
        int ideographs = 0;
        int traditional = 0;
        int otherLetters = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= FIRST && c <= LAST) {
                ideographs++;
                if (SIMPLIFIED[c - FIRST] != 0) {
                    traditional++;
                }
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        return new Counts(ideographs, traditional, otherLetters);
    }

    /** The text with every Traditional-only character replaced by its Simplified form; same length. */
    static String toSimplified(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= FIRST && c <= LAST && SIMPLIFIED[c - FIRST] != 0 && !(c == '著' && staysZhu(chars, i))) {
                chars[i] = SIMPLIFIED[c - FIRST];
            } else if (c == '覆' && isReplyFu(chars, i)) {
                chars[i] = '复';
            }
        }
        return new String(chars);
    }

    /**
     * Whether reading a Traditional policy ({@link #toSimplified}, then {@link RegionalWords#toMainland}) may have
     * written {@code read} where the text had {@code original}.
     */
    static boolean readsAs(char original, char read) {
        char table = original >= FIRST && original <= LAST && SIMPLIFIED[original - FIRST] != 0
                ? SIMPLIFIED[original - FIRST] : original;
        return table == read || (original == '覆' && read == '复') || RegionalWords.replaces(table, read);
    }

    /**
     * 著 is 着 in Traditional script (意味著, 隨著) but also a Simplified character of its own (显著, 著作权, 著名): it
     * stays in the words that keep it in Simplified script, read after the characters before it were converted.
     */
    private static boolean staysZhu(char[] chars, int i) {
        char before = i > 0 ? chars[i - 1] : ' ';
        char after = i + 1 < chars.length ? chars[i + 1] : ' ';
        return "显卓昭编论名专土巨原遗".indexOf(before) >= 0 || "作名称述".indexOf(after) >= 0;
    }

    /**
     * 覆 is a Simplified character of its own (覆盖), so ICU4J leaves it, but in Traditional script it also writes 复 of
     * 答复, 回复, 批复, 反复 and 复核: "我們將在15個工作日內答覆" must read 答复 for the response deadline.
     */
    private static boolean isReplyFu(char[] chars, int i) {
        char before = i > 0 ? chars[i - 1] : ' ';
        char after = i + 1 < chars.length ? chars[i + 1] : ' ';
        return "答回批反".indexOf(before) >= 0 || after == '核';
    }

    /** The table: index {@code c - FIRST} holds the Simplified form of {@code c}, or 0 where {@code c} stays. */
    private static char[] load() {
        char[] table = new char[LAST - FIRST + 1];
        for (String line : tableLines(RESOURCE)) {
            if (line.length() != 3 || line.charAt(1) != '\t' || line.charAt(0) < FIRST || line.charAt(0) > LAST) {
                throw new IllegalStateException(RESOURCE + ": not a pair of ideographs: " + line);
            }
            table[line.charAt(0) - FIRST] = line.charAt(2);
        }
        return table;
    }

    /** The lines of a table on the classpath, without its comments (#) and blank lines. */
    static List<String> tableLines(String resource) {
        try (InputStream in = ChineseScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isEmpty() && line.charAt(0) != '#').toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
