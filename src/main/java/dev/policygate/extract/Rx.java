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
 * Patterns whose alternatives do not all start with a literal are always run. Semantics are unchanged: a
 * skipped text gets a matcher that finds nothing.
 */
final class Rx {
    private static final Pattern NEVER = Pattern.compile("(?!)");

    private final Pattern pattern;
    private final String[] anchors;
    /** every alternative starts with ^: a match can only start at 0 */
    private final boolean atStart;

    private Rx(String regex, Set<String> anchors) {
        this.pattern = Pattern.compile(regex);
        this.anchors = anchors == null ? null : anchors.toArray(new String[0]);
        this.atStart = splitTop(regex).stream().allMatch(alt -> alt.startsWith("^"));
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
        if (anchors == null) {
            return true;
        }
        String s = t.toString();
        for (String a : anchors) {
            if (s.contains(a)) {
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
        Matcher m = pattern.matcher(t);
        return atStart ? m.lookingAt() : m.find();
    }

    // ---- anchor derivation --------------------------------------------------------------------------------

    /** Literal prefixes, one of which any match contains; null when no such set can be derived. */
    static Set<String> anchorsOf(String regex) {
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

    private static Set<String> anchorsOfSeq(String alt) {
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
            return anchorsOf(alt.substring(innerStart, c));
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
