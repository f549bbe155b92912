package dev.policygate.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.List;

/** A line diff by Myers' algorithm (java-diff-utils): its memory grows with the size of the change, not n×m. */
public final class LineDiff {
    private LineDiff() {
    }

    /** {@code op} is ' ' (same), '-' (only in a) or '+' (only in b); line numbers are 1-based, 0 if absent. */
    public record Line(char op, int lineA, int lineB, String text) {
        public String kind() {
            return op == '+' ? "add" : op == '-' ? "del" : op == '~' ? "gap" : "same";
        }

        public String sign() {
            return String.valueOf(op);
        }
    }

    public static List<Line> diff(String a, String b) {
        List<String> x = split(a);
        List<String> y = split(b);
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(x, y).getDeltas()) {
            Chunk<String> from = delta.getSource();
            Chunk<String> to = delta.getTarget();
            while (i < from.getPosition()) {
                out.add(new Line(' ', i + 1, j + 1, x.get(i)));
                i++;
                j++;
            }
            for (String line : from.getLines()) {
                out.add(new Line('-', ++i, 0, line));
            }
            for (String line : to.getLines()) {
                out.add(new Line('+', 0, ++j, line));
            }
        }
        while (i < x.size()) {
            out.add(new Line(' ', i + 1, j + 1, x.get(i)));
            i++;
            j++;
        }
        return out;
    }

    /** Keeps {@code context} unchanged lines around each change; longer unchanged runs become one '~' line. */
    public static List<Line> folded(List<Line> diff, int context) {
        boolean[] keep = new boolean[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            if (diff.get(i).op() != ' ') {
                for (int k = Math.max(0, i - context); k <= Math.min(diff.size() - 1, i + context); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < diff.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) {
                    out.add(new Line('~', 0, 0, "… " + skipped));
                    skipped = 0;
                }
                out.add(diff.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(new Line('~', 0, 0, "… " + skipped));
        }
        return out;
    }

    private static List<String> split(String s) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split("\r?\n", -1));
    }
}
