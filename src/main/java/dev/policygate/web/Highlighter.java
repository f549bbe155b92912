package dev.policygate.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a text into segments at every citation boundary, so that overlapping citations become a run of
 * non-overlapping segments, each knowing every citation that covers it.
 */
public final class Highlighter {
    private Highlighter() {
    }

    /** A cited span; {@code token} names it in the page (e.g. {@code 3-0}: finding 3, citation 0). */
    public record Span(int start, int end, String token) {
    }

    /** A piece of the text; {@code tokens} is the space-separated list of spans covering it, empty if none. */
    public record Segment(String text, String tokens) {
        public boolean marked() {
            return !tokens.isEmpty();
        }
    }

    public static List<Segment> segments(String text, List<Span> spans) {
        int n = text.length();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(n);
        List<Span> valid = new ArrayList<>();
        for (Span s : spans) {
            int a = Math.max(0, Math.min(n, s.start()));
            int b = Math.max(0, Math.min(n, s.end()));
            if (a < b) {
                valid.add(new Span(a, b, s.token()));
                cuts.add(a);
                cuts.add(b);
            }
        }
        List<Segment> out = new ArrayList<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && prev < cut) {
                StringBuilder tokens = new StringBuilder();
                for (Span s : valid) {
                    if (s.start() <= prev && cut <= s.end()) {
                        if (tokens.length() > 0) {
                            tokens.append(' ');
                        }
                        tokens.append(s.token());
                    }
                }
                out.add(new Segment(text.substring(prev, cut), tokens.toString()));
            }
            prev = cut;
        }
        return out;
    }
}
