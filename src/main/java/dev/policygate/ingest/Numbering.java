package dev.policygate.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the numbering marker at the start of a line ({@code 一、}, {@code （一）}, {@code 1.}, {@code 1.2.3},
 * {@code (1)}, {@code 1)}, {@code ①}, {@code a.}, {@code 第X条}, {@code 附录}, …) and classifies the marker into a
 * style. Styles, not fixed levels: the section parser assigns levels by nesting order in each document.
 * All patterns are anchored, bounded and free of nested quantifiers (linear time).
 */
final class Numbering {
    enum Style {
        CHAPTER, PART, SECTION, ARTICLE, APPENDIX, CN, CN_PAREN, DECIMAL2, DECIMAL3, DECIMAL4, ARABIC,
        ARABIC_PAREN, ARABIC_RPAREN, CIRCLED, LATIN, LATIN_PAREN, ROMAN
    }

    /** A marker found at {@code [start, end)} of the text; {@code end} is after any following spaces. */
    record Marker(Style style, int start, int end, String numbering) {
    }

    private static final String CN_NUM = "[一二三四五六七八九十百零〇壹贰叁肆伍陆柒捌玖拾]";
    private static final String ANY_NUM = "(?:" + CN_NUM + "{1,5}|\\d{1,3})";

    private record Rule(Style style, Pattern pattern) {
    }

    private static final Rule[] RULES = {
            new Rule(Style.CHAPTER, Pattern.compile("第\\s?" + ANY_NUM + "\\s?章[、.．:：]?")),
            new Rule(Style.PART, Pattern.compile("第\\s?" + ANY_NUM + "\\s?部分[、.．:：]?")),
            new Rule(Style.SECTION, Pattern.compile("第\\s?" + ANY_NUM + "\\s?节[、.．:：]?")),
            new Rule(Style.ARTICLE, Pattern.compile("第\\s?" + ANY_NUM + "\\s?条[、.．:：]?")),
            new Rule(Style.APPENDIX, Pattern.compile(
                    "(?:附录|附件|附表)(?:" + CN_NUM + "{1,3}|\\d{1,3}|[A-Za-z])?(?:[：:、.．\\-—]|(?=\\s)|$)")),
            // 一、 一. 一． and, in some policies, 一 followed by a space
            new Rule(Style.CN, Pattern.compile(CN_NUM + "{1,4}\\s?[、.．](?![\\d.．])|" + CN_NUM + "{1,3} (?=[^\\s\\d])")),
            new Rule(Style.CN_PAREN, Pattern.compile("[（(]\\s?" + CN_NUM + "{1,4}\\s?[）)][、.．]?")),
            new Rule(Style.DECIMAL4, Pattern.compile("\\d{1,2}[.．]\\d{1,2}[.．]\\d{1,2}[.．]\\d{1,2}[.．、]?(?![\\d.．])")),
            new Rule(Style.DECIMAL3, Pattern.compile("\\d{1,2}[.．]\\d{1,2}[.．]\\d{1,2}[.．、]?(?![\\d.．])")),
            new Rule(Style.DECIMAL2, Pattern.compile("\\d{1,2}[.．]\\d{1,2}[.．、]?(?![\\d.．%])")),
            // 1. 1、 1． ⒈, and "1 我们如何…" (a number, one space, then Chinese)
            new Rule(Style.ARABIC, Pattern.compile(
                    "\\d{1,3}\\s?[.．、](?![\\d.．])|[\\u2488-\\u249B]|\\d{1,2} (?=[\\u4e00-\\u9fff])")),
            new Rule(Style.ARABIC_PAREN, Pattern.compile("[（(]\\s?\\d{1,3}\\s?[）)][、.．]?|[\\u2474-\\u2487]")),
            new Rule(Style.ARABIC_RPAREN, Pattern.compile("\\d{1,3}[）)][、.．]?")),
            new Rule(Style.CIRCLED, Pattern.compile("[\\u2460-\\u2473\\u3251-\\u325F][、.．]?")),
            new Rule(Style.LATIN_PAREN, Pattern.compile("[（(][a-zA-Z][）)][、.．]?")),
            new Rule(Style.LATIN, Pattern.compile("[a-zA-Z][.．、)）](?![a-zA-Z][.．]|[.．/\\d])")),
            new Rule(Style.ROMAN, Pattern.compile("(?:[IVX]{1,4}[.．、]|[\\u2160-\\u216B][.．、]?)(?![\\w.．])")),
    };

    /** The bullets that may open an item. */
    static final String BULLETS = "•·▪●◆■-*";

    private static final Pattern[] PATTERNS;

    static {
        PATTERNS = new Pattern[RULES.length];
        for (int i = 0; i < RULES.length; i++) {
            PATTERNS[i] = RULES[i].pattern();
        }
    }

    private final Matcher[] matchers;

    Numbering(CharSequence text) {
        matchers = new Matcher[RULES.length];
        for (int i = 0; i < RULES.length; i++) {
            matchers[i] = PATTERNS[i].matcher(text);
        }
    }

    /** The marker at {@code from} (a line start, after any Markdown prefix), or null. */
    Marker at(CharSequence text, int from, int lineEnd) {
        if (from >= lineEnd) {
            return null;
        }
        char c = text.charAt(from);
        if (!couldStart(c)) {
            return null;
        }
        for (int i = 0; i < RULES.length; i++) {
            Matcher m = matchers[i];
            m.region(from, lineEnd);
            if (m.lookingAt()) {
                int end = m.end();
                while (end < lineEnd && text.charAt(end) == ' ') {
                    end++;
                }
                String numbering = text.subSequence(from, m.end()).toString().strip();
                return new Marker(RULES[i].style(), from, end, numbering);
            }
        }
        return null;
    }

    /** Whether {@code line} opens, after any spaces, with a bullet or a numbering marker ({@link #markerEnd}). */
    static boolean opensWithMarker(String line) {
        String words = line.stripLeading();
        return !words.isEmpty() && BULLETS.indexOf(words.charAt(0)) >= 0 || markerEnd(words) >= 0;
    }

    /**
     * Where the numbering marker that opens {@code line} (after any spaces) ends, its own trailing spaces included,
     * or -1 for none. A bare number before a space ("14 周岁以下") is none here: as often a quantity as a number.
     */
    static int markerEnd(String line) {
        int from = 0;
        while (from < line.length() && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        Marker m = new Numbering(line).at(line, from, line.length());
        return m == null || m.numbering().chars().allMatch(Character::isDigit) ? -1 : m.end();
    }

    /** Whether {@code next} continues {@code prev}: {@code （二）} after {@code （一）}, {@code 2.3} after {@code 2.2}. */
    static boolean isSuccessor(String prev, String next) {
        int[] a = components(prev);
        int[] b = components(next);
        if (a.length == 0 || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length - 1; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return b[b.length - 1] == a[a.length - 1] + 1;
    }

    private static int[] components(String numbering) {
        java.util.List<Integer> parts = new java.util.ArrayList<>();
        int cur = -1;
        for (int i = 0; i < numbering.length(); i++) {
            char c = numbering.charAt(i);
            if (c >= '0' && c <= '9') {
                cur = (cur < 0 ? 0 : cur) * 10 + (c - '0');
                if (cur > 10_000) {
                    return new int[0];
                }
            } else if (cur >= 0) {
                parts.add(cur);
                cur = -1;
            }
        }
        if (cur >= 0) {
            parts.add(cur);
        }
        if (parts.isEmpty()) {
            int v = value(numbering);
            return v < 0 ? new int[0] : new int[] {v};
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number a marker counts ({@code （十二）} → 12, {@code 3.} → 3, {@code 1.2} → 2), or -1. */
    static int value(String numbering) {
        int digits = -1;
        int cn = 0;
        int cnDigit = -1;
        boolean sawCn = false;
        for (int i = 0; i < numbering.length(); i++) {
            char c = numbering.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = (digits < 0 ? 0 : digits) * 10 + (c - '0');
                if (digits > 10_000) {
                    return -1;
                }
            } else if (c == '.' || c == '．') {
                if (i + 1 < numbering.length() && Character.isDigit(numbering.charAt(i + 1))) {
                    digits = -1; // 1.2 counts the last component
                }
            } else if (c >= 0x2460 && c <= 0x2473) {
                return c - 0x2460 + 1;
            } else {
                int d = "零一二三四五六七八九".indexOf(c);
                if (d < 0) {
                    d = "〇壹贰叁肆伍陆柒捌玖".indexOf(c);
                }
                if (d >= 0) {
                    cnDigit = d;
                    sawCn = true;
                } else if (c == '十' || c == '拾') {
                    cn += (cnDigit <= 0 ? 1 : cnDigit) * 10;
                    cnDigit = -1;
                    sawCn = true;
                } else if (c == '百') {
                    cn += (cnDigit <= 0 ? 1 : cnDigit) * 100;
                    cnDigit = -1;
                    sawCn = true;
                }
            }
        }
        if (digits >= 0) {
            return digits;
        }
        return sawCn ? cn + Math.max(cnDigit, 0) : -1;
    }

    private static boolean couldStart(char c) {
        return c == '第' || c == '附' || c == '（' || c == '(' || (c >= '0' && c <= '9')
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x2460 && c <= 0x249B)
                || (c >= 0x2160 && c <= 0x216B) || (c >= 0x3251 && c <= 0x325F)
                || "一二三四五六七八九十百零〇壹贰叁肆伍陆柒捌玖拾".indexOf(c) >= 0;
    }
}
