package dev.policygate.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds dictionary terms in text, left to right, longest match first, without overlaps. Latin letters match
 * case-insensitively and a Latin term only matches when it is not part of a longer Latin word. Cost is linear
 * in the text length times the (small) number of terms sharing a first character.
 */
final class TermMatcher<V> {

    record Hit<V>(int start, int end, String term, V value) {
    }

    private record Entry<V>(String term, V value) {
    }

    /** Candidate terms by (lower-cased) first UTF-16 unit; a flat table avoids boxing per character. */
    @SuppressWarnings("unchecked")
    private final List<Entry<V>>[] byFirst = new List[65536];

    void add(String term, V value) {
        String t = fold(term.strip());
        if (t.isEmpty()) {
            return;
        }
        char c = t.charAt(0);
        if (byFirst[c] == null) {
            byFirst[c] = new ArrayList<>();
        }
        byFirst[c].add(new Entry<>(t, value));
    }

    /** Call once after all terms are added. */
    TermMatcher<V> seal() {
        for (List<Entry<V>> l : byFirst) {
            if (l == null) {
                continue;
            }
            l.sort(Comparator.comparingInt((Entry<V> e) -> -e.term().length()).thenComparing(Entry::term));
        }
        return this;
    }

    List<Hit<V>> find(String text) {
        return find(text, 0, text.length());
    }

    List<Hit<V>> find(String text, int from, int to) {
        List<Hit<V>> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            List<Entry<V>> cands = byFirst[Character.toLowerCase(text.charAt(i))];
            Entry<V> found = null;
            if (cands != null) {
                for (Entry<V> e : cands) {
                    if (matchesAt(text, i, to, e.term())) {
                        found = e;
                        break;
                    }
                }
            }
            if (found != null) {
                hits.add(new Hit<>(i, i + found.term().length(), text.substring(i, i + found.term().length()),
                        found.value()));
                i += found.term().length();
            } else {
                i++;
            }
        }
        return hits;
    }

    private static boolean matchesAt(String text, int at, int to, String term) {
        int n = term.length();
        if (at + n > to) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != term.charAt(k)) {
                return false;
            }
        }
        if (isLatin(term.charAt(0)) && at > 0 && isLatin(text.charAt(at - 1))) {
            return false;
        }
        return !(isLatin(term.charAt(n - 1)) && at + n < text.length() && isLatin(text.charAt(at + n)));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(Character.toLowerCase(s.charAt(i)));
        }
        return b.toString();
    }
}
