package dev.policygate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets in the normalised text back to 1-based line/column positions (UTF-16 code units, as SARIF
 * counts by default) in the original file.
 *
 * <p>Normalisation folds whitespace runs, strips lines and drops blank lines and byte-order marks, so the
 * normalised text is, character by character, a subsequence of the original in which a space stands for
 * some whitespace and a line feed for some line break, and a character may stand for its Traditional or full-width
 * form ({@link dev.policygate.ingest.Ingestor#readsAs}). When the original text aligns that way (plain-text input)
 * every offset maps exactly. When it does not (HTML or PDF source, or a normalisation that rewrites
 * characters), a quote is looked up in the original text (whole, else its first line) nearest to where it
 * is expected; failing that, the heading of its section; failing that, line 1.
 */
public final class SourceMap {
    /** A region in the original file; lines and columns are 1-based, {@code endColumn} is exclusive. */
    public record Region(int startLine, int startColumn, int endLine, int endColumn) {
    }

    private final String original;
    /** The original as ingestion reads its words ({@link dev.policygate.ingest.Ingestor#readForm}), to find quotes in;
     * made when first needed, as an aligned text never needs it. */
    private String searched;
    private final String normalized;
    private final int[] lineStarts;
    /** normalised offset → original offset, or null when the texts do not align. */
    private final int[] aligned;

    public SourceMap(String original, String normalized) {
        this.original = original == null ? normalized : original;
        this.normalized = normalized == null ? "" : normalized;
        this.lineStarts = lineStarts(this.original);
        this.aligned = align(this.original, this.normalized);
    }

    public boolean exact() {
        return aligned != null;
    }

    /** The region of the normalised span {@code [start, end)}, with its quote, or null when it cannot be placed. */
    public Region region(int start, int end, String quote) {
        if (aligned != null && start >= 0 && end <= normalized.length() && start < end) {
            int s = aligned[start];
            int e = aligned[end - 1] + 1;
            return region(s, e);
        }
        String q = quote != null ? quote : (start >= 0 && end <= normalized.length() && start < end
                ? normalized.substring(start, end) : null);
        if (q == null || q.isBlank()) {
            return null;
        }
        int expected = normalized.isEmpty() ? 0 : (int) ((long) Math.max(start, 0) * original.length()
                / normalized.length());
        int at = nearest(q, expected);
        if (at >= 0) {
            return region(at, at + q.length());
        }
        String first = q.strip().split("\n", 2)[0].strip();
        if (first.length() > 3) {
            at = nearest(first, expected);
            if (at >= 0) {
                return region(at, at + first.length());
            }
        }
        return null;
    }

    /** The line of a section's heading: the last part of a path like {@code 四、您的权利 > （九）注销}; null if not found. */
    public Region heading(String sectionPath) {
        if (sectionPath == null || sectionPath.isBlank()) {
            return null;
        }
        String[] parts = sectionPath.split(" > ");
        for (int i = parts.length - 1; i >= 0; i--) {
            String h = parts[i].strip();
            if (h.isEmpty()) {
                continue;
            }
            if (aligned != null) {
                int n = lastLine(normalized, h);
                if (n >= 0) {
                    return region(n, n + h.length(), h);
                }
            }
            int at = lastLine(searched(), h);
            if (at >= 0) {
                return region(at, at + h.length());
            }
        }
        return null;
    }

    /**
     * Where {@code h} stands as a line of its own (blanks around it allowed), the last such place: a table of
     * contents repeats headings before the sections themselves. Else its first occurrence anywhere; else -1.
     */
    static int lastLine(String text, String h) {
        int found = -1;
        for (int at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) {
            int b = at - 1;
            while (b >= 0 && (text.charAt(b) == ' ' || text.charAt(b) == '\t' || text.charAt(b) == '\u3000')) {
                b--;
            }
            int e = at + h.length();
            while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t' || text.charAt(e) == '\u3000')) {
                e++;
            }
            boolean startsLine = b < 0 || text.charAt(b) == '\n' || text.charAt(b) == '\r';
            boolean endsLine = e >= text.length() || text.charAt(e) == '\n' || text.charAt(e) == '\r';
            if (startsLine && endsLine) {
                found = at;
            }
        }
        return found >= 0 ? found : text.indexOf(h);
    }

    /** The first line of the file. */
    public Region firstLine() {
        int end = lineEnd(0);
        return new Region(1, 1, 1, Math.max(end, 0) + 1);
    }

    private String searched() {
        if (searched == null) {
            searched = dev.policygate.ingest.Ingestor.readForm(original);
        }
        return searched;
    }

    private int nearest(String needle, int expected) {
        int best = -1;
        String searched = searched();
        for (int at = searched.indexOf(needle); at >= 0; at = searched.indexOf(needle, at + 1)) {
            if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) {
                best = at;
            }
            if (at > expected) {
                break;
            }
        }
        return best;
    }

    private Region region(int s, int e) {
        int sl = lineOf(s);
        int el = lineOf(Math.max(s, e - 1));
        return new Region(sl + 1, s - lineStarts[sl] + 1, el + 1, e - lineStarts[el] + 1);
    }

    private int lineEnd(int line) {
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : original.length();
        while (end > start && (original.charAt(end - 1) == '\r' || original.charAt(end - 1) == '\n')) {
            end--;
        }
        return end - start;
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] align(String original, String normalized) {
        int[] map = new int[normalized.length()];
        int j = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            while (j < original.length() && !matches(original.charAt(j), c)) {
                char skipped = original.charAt(j);
                if (!Character.isWhitespace(skipped) && !Character.isSpaceChar(skipped) && skipped != '\ufeff') {
                    return null; // only whitespace and BOMs may be dropped
                }
                j++;
            }
            if (j >= original.length()) {
                return null;
            }
            map[i] = j++;
        }
        return map;
    }

    private static boolean matches(char o, char n) {
        if (n == '\n') {
            return o == '\n' || o == '\r';
        }
        if (n == ' ') {
            return Character.isWhitespace(o) || Character.isSpaceChar(o); // a line break too, where wraps are joined
        }
        return dev.policygate.ingest.Ingestor.readsAs(o, n);
    }
}
