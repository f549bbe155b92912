package dev.policygate.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex with a cheap literal pre-check. From the pattern source it derives the literal strings one of which
 * every match must contain (the required leading literal of each top-level alternative); when the text contains
 * none of them the regex is not run at all, which keeps long alternations of Chinese keywords linear and fast.
 * Which anchors a text contains is found for all patterns at once ({@link AnchorIndex}).
 * Patterns whose alternatives do not all start with a literal are always run. Semantics are unchanged: a
 * skipped text gets a matcher that finds nothing.
 */
final class Rx {
    private static final Pattern NEVER = Pattern.compile("(?!)");
    private static final Pattern FLAGS = Pattern.compile("\\(\\?[idmsuxU-]");
    private final Pattern pattern;
    /** every alternative starts with ^: a match can only start at 0 */
    private final boolean atStart;

    /** the anchors as bits of {@link AnchorIndex#present}: the words that hold one, and their bits */
    private final int[] anchorWords;
    private final long[] anchorBits;
    /** literals every match starts with, their first characters as a bitmap (null: a match may start anywhere) */
    private final String[] starts;
    private final long[] startBits;
    /** the pattern is nothing but an alternation of its anchors: a match is found exactly when one occurs */
    private final boolean literalOnly;

    private Rx(String regex, Set<String> anchors) {
        this.pattern = Pattern.compile(regex);
        this.atStart = splitTop(regex).stream().allMatch(alt -> alt.startsWith("^"));
        List<String> alts = splitTop(regex);
        this.literalOnly = anchors != null && alts.stream().allMatch(alt -> !alt.isEmpty() && isPlainLiteral(alt))
                && new java.util.HashSet<>(alts).equals(anchors);
        Set<String> s = atStart || literalOnly ? null : startsOf(regex);
        if (s != null) {
            starts = s.toArray(new String[0]);
            startBits = new long[1024];
            for (String a : starts) {
                startBits[a.charAt(0) >>> 6] |= 1L << a.charAt(0);
            }
        } else {
            starts = null;
            startBits = null;
        }
        if (anchors != null) {
            java.util.TreeMap<Integer, Long> words = new java.util.TreeMap<>();
            for (int id : AnchorIndex.register(anchors)) {
                words.merge(id >>> 6, 1L << id, (x, y) -> x | y);
            }
            anchorWords = words.keySet().stream().mapToInt(Integer::intValue).toArray();
            anchorBits = words.values().stream().mapToLong(Long::longValue).toArray();
        } else {
            anchorWords = null;
            anchorBits = null;
        }
    }

    private static boolean isPlainLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("\\[](){}.*+?^$|".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static Rx of(String regex) {
        return new Rx(regex, anchorsOf(regex));
    }

    /**
     * A regex with hand-given required literals (any match contains at least one of them), for patterns whose
     * alternatives start with very common characters.
     */
    static Rx withAnchors(String regex, String... required) {
        return new Rx(regex, new LinkedHashSet<>(List.of(required)));
    }

    Pattern pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** Whether the text may match (contains one of the anchors). */
    boolean candidate(CharSequence t) {
        if (anchorWords == null) {
            return true;
        }
        long[] present = AnchorIndex.present(t.toString());
        for (int i = 0; i < anchorWords.length; i++) {
            if ((present[anchorWords[i]] & anchorBits[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    Matcher matcher(CharSequence t) {
        return candidate(t) ? pattern.matcher(t) : NEVER.matcher(t);
    }

    boolean find(CharSequence t) {
        if (!candidate(t)) {
            return false;
        }
        if (literalOnly) {
            return true;
        }
        Matcher m = pattern.matcher(t);
        if (atStart) {
            return m.lookingAt();
        }
        if (starts == null) {
            return m.find();
        }
        return findFrom(m, t.toString(), 0);
    }

    /**
     * The next match at or after {@code from} in {@code s}, as {@link Matcher#find()} would find it, in {@code m}
     * (a matcher of this pattern on {@code s}, from {@link #matcher}): true and m holds the match, or false. Where
     * the matches start with known literals the pattern is tried only where they stand.
     */
    boolean findFrom(Matcher m, String s, int from) {
        if (from > s.length()) {
            return false;
        }
        if (starts == null || m.pattern() != pattern) {
            return m.find(from);
        }
        // a match starts where one of its leading literals does: try the pattern only there (as find() would,
        // with the whole text visible to look-arounds)
        m.useTransparentBounds(true).useAnchoringBounds(false);
        long[] bits = startBits;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((bits[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            for (String a : starts) {
                if (s.startsWith(a, i)) {
                    if (m.region(i, n).lookingAt()) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** {@code s} with every match replaced by the literal {@code replacement}, as Matcher.replaceAll would do. */
    String replaceAll(String s, String replacement) {
        if (!candidate(s)) {
            return s;
        }
        Matcher m = pattern.matcher(s);
        StringBuilder out = null;
        int pos = 0;
        for (int at = 0; findFrom(m, s, at); at = Math.max(m.end(), m.start() + 1)) {
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, pos, m.start()).append(replacement);
            pos = m.end();
        }
        return out == null ? s : out.append(s, pos, s.length()).toString();
    }

    // ---- anchor derivation --------------------------------------------------------------------------------

    /** Literal prefixes, one of which any match contains; null when no such set can be derived. */
    static Set<String> anchorsOf(String regex) {
        if (literalsChanged(regex)) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String alt : splitTop(regex)) {
            Set<String> a = anchorsOfSeq(alt);
            if (a == null) {
                return null;
            }
            out.addAll(a);
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> splitTop(String r) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean cls = false;
        int start = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (cls) {
                if (c == ']') {
                    cls = false;
                }
                continue;
            }
            if (c == '[') {
                cls = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(r.substring(start, i));
                start = i + 1;
            }
        }
        out.add(r.substring(start));
        return out;
    }

    private static int closeParen(String r, int open) {
        int depth = 0;
        boolean cls = false;
        for (int i = open; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (cls) {
                if (c == ']') {
                    cls = false;
                }
                continue;
            }
            if (c == '[') {
                cls = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean optionalAt(String r, int i) {
        if (i >= r.length()) {
            return false;
        }
        char c = r.charAt(i);
        return c == '?' || c == '*' || r.startsWith("{0", i);
    }

    /**
     * Literals one of which any match of the sequence {@code alt} contains: its leading literals, or else the longest
     * run of literal characters that every match must contain somewhere.
     */
    private static Set<String> anchorsOfSeq(String alt) {
        Set<String> prefix = prefixAnchors(alt);
        if (prefix != null && minLength(prefix) >= 2) {
            return prefix;
        }
        Set<String> required = requiredAnchors(alt);
        if (prefix == null || required != null && (minLength(required) > minLength(prefix)
                || minLength(required) == minLength(prefix) && required.size() < prefix.size())) {
            return required;
        }
        return prefix;
    }

    /**
     * A set of literals one of which every match of the sequence {@code alt} contains, from its mandatory elements:
     * a run of literal characters, a group whose alternatives have anchors, or a small class of plain characters.
     * The best set has the longest shortest literal, then the fewest literals; null when there is none.
     */
    static Set<String> requiredAnchors(String alt) {
        if (literalsChanged(alt)) {
            return null;
        }
        List<Set<String>> found = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < alt.length()) {
            char c = alt.charAt(i);
            int end;
            boolean literal = false;
            if (c == '\\') {
                end = escapeEnd(alt, i);
            } else if (c == '[') {
                end = classEnd(alt, i);
            } else if (c == '(') {
                int close = closeParen(alt, i);
                end = close < 0 ? -1 : close + 1;
            } else {
                end = i + 1;
                literal = "\\[](){}.*+?^$|".indexOf(c) < 0;
            }
            if (end <= i) {
                return null; // malformed: no pre-check
            }
            // the quantifier after the element, if any
            int q = end;
            boolean optional = false;
            boolean repeated = false;
            if (q < alt.length()) {
                char qc = alt.charAt(q);
                if (qc == '?' || qc == '*') {
                    optional = true;
                    q++;
                } else if (qc == '+') {
                    repeated = true;
                    q++;
                } else if (qc == '{') {
                    int close = alt.indexOf('}', q);
                    if (close < 0) {
                        return null;
                    }
                    optional = alt.startsWith("{0", q);
                    repeated = !optional;
                    q = close + 1;
                }
                if (q > end && q < alt.length() && (alt.charAt(q) == '?' || alt.charAt(q) == '+')) {
                    q++; // lazy or possessive
                }
            }
            if (literal && !optional) {
                run.append(c);
            }
            if (!literal || optional || repeated) {
                if (run.length() > 0) {
                    found.add(Set.of(run.toString()));
                }
                run.setLength(0);
            }
            if (!optional && c == '(' && !alt.startsWith("(?=", i) && !alt.startsWith("(?!", i)
                    && !alt.startsWith("(?<=", i) && !alt.startsWith("(?<!", i)) {
                int innerStart = i + 1;
                if (alt.startsWith("?:", innerStart) || alt.startsWith("?>", innerStart)) {
                    innerStart += 2;
                } else if (alt.startsWith("?<", innerStart)) {
                    innerStart = alt.indexOf('>', innerStart) + 1;
                }
                Set<String> inner = anchorsOf(alt.substring(innerStart, end - 1));
                if (inner != null) {
                    found.add(inner);
                }
            } else if (!optional && c == '[') {
                Set<String> chars = classChars(alt.substring(i + 1, end - 1));
                if (chars != null) {
                    found.add(chars);
                }
            }
            i = q;
        }
        if (run.length() > 0) {
            found.add(Set.of(run.toString()));
        }
        Set<String> best = null;
        for (Set<String> f : found) {
            if (best == null || minLength(f) > minLength(best)
                    || minLength(f) == minLength(best) && f.size() < best.size()) {
                best = f;
            }
        }
        return best == null ? null : new LinkedHashSet<>(best);
    }

    /** Inline flags (case-insensitive, comments …) or quoting: literals in the source are not literals of the text. */
    private static boolean literalsChanged(String regex) {
        return regex.contains("\\Q") || FLAGS.matcher(regex).find();
    }

    private static int minLength(Set<String> s) {
        return s.stream().mapToInt(String::length).min().orElse(0);
    }

    /** The characters of a class body of plain characters (no ranges, negation, escapes or nesting), or null. */
    private static Set<String> classChars(String body) {
        if (body.isEmpty() || body.length() > 16 || body.startsWith("^")) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\' || c == '[' || c == ']' || c == '-' || c == '&' || Character.isSurrogate(c)) {
                return null;
            }
            out.add(String.valueOf(c));
        }
        return out;
    }

    private static int escapeEnd(String r, int i) {
        if (i + 1 >= r.length()) {
            return -1;
        }
        char n = r.charAt(i + 1);
        if ((n == 'p' || n == 'P' || n == 'x' || n == 'N') && i + 2 < r.length() && r.charAt(i + 2) == '{') {
            int close = r.indexOf('}', i + 2);
            return close < 0 ? -1 : close + 1;
        }
        if (n == 'p' || n == 'P') {
            return i + 3;
        }
        if (n == 'u') {
            return i + 6;
        }
        if (n == 'x') {
            return i + 4;
        }
        if (n == 'c') {
            return i + 3;
        }
        if (n == '0') {
            int j = i + 2;
            while (j < r.length() && j < i + 5 && r.charAt(j) >= '0' && r.charAt(j) <= '7') {
                j++;
            }
            return j;
        }
        if (n == 'k' && i + 2 < r.length() && r.charAt(i + 2) == '<') {
            int close = r.indexOf('>', i + 2);
            return close < 0 ? -1 : close + 1;
        }
        if (n >= '1' && n <= '9') {
            return -1; // back-references: give up
        }
        return i + 2;
    }

    /** End (exclusive) of the character class opening at {@code i}, nested classes included. */
    private static int classEnd(String r, int i) {
        int depth = 0;
        for (int j = i; j < r.length(); j++) {
            char c = r.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '[') {
                depth++;
                if (j + 1 < r.length() && r.charAt(j + 1) == ']' && depth == 1 && j == i) {
                    j++; // a leading ] is literal
                } else if (j + 2 < r.length() && r.charAt(j + 1) == '^' && r.charAt(j + 2) == ']' && j == i) {
                    j += 2;
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
        }
        return -1;
    }

    /** Literals one of which every match starts with (after zero-width assertions); null when there is no such set. */
    static Set<String> startsOf(String regex) {
        if (literalsChanged(regex)) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String alt : splitTop(regex)) {
            Set<String> a = prefixAnchors(alt, true);
            if (a == null) {
                return null;
            }
            out.addAll(a);
        }
        return out.isEmpty() ? null : out;
    }

    private static Set<String> prefixAnchors(String alt) {
        return prefixAnchors(alt, false);
    }

    private static Set<String> prefixAnchors(String alt, boolean strict) {
        int i = 0;
        while (true) {
            if (alt.startsWith("^", i)) {
                i++;
                continue;
            }
            if (alt.startsWith("(?<!", i) || alt.startsWith("(?<=", i) || alt.startsWith("(?=", i)
                    || alt.startsWith("(?!", i)) {
                int c = closeParen(alt, i);
                if (c < 0) {
                    return null;
                }
                i = c + 1;
                continue;
            }
            break;
        }
        if (i >= alt.length()) {
            return null;
        }
        if (alt.charAt(i) == '(') {
            int c = closeParen(alt, i);
            if (c < 0 || optionalAt(alt, c + 1)) {
                return null;
            }
            int innerStart = i + 1;
            if (alt.startsWith("?:", innerStart)) {
                innerStart += 2;
            } else if (alt.startsWith("?<", innerStart)) {
                innerStart = alt.indexOf('>', innerStart) + 1;
            }
            String inner = alt.substring(innerStart, c);
            return strict ? startsOf(inner) : anchorsOf(inner);
        }
        StringBuilder lit = new StringBuilder();
        int j = i;
        while (j < alt.length() && "\\[](){}.*+?^$|".indexOf(alt.charAt(j)) < 0) {
            lit.append(alt.charAt(j));
            j++;
        }
        if (optionalAt(alt, j) || (j < alt.length() && alt.charAt(j) == '+')) {
            if (optionalAt(alt, j) && lit.length() > 0) {
                lit.setLength(lit.length() - 1);
            }
        }
        if (lit.length() == 0) {
            return null;
        }
        Set<String> one = new LinkedHashSet<>();
        one.add(lit.toString());
        return one;
    }
}
