package dev.policygate.web;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence (fine for DRL files of a few hundred lines). */
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
        String[] x = split(a);
        String[] y = split(b);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                out.add(new Line(' ', i + 1, j + 1, x[i]));
                i++;
                j++;
            } else if (i < x.length && (j == y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line('-', i + 1, 0, x[i]));
                i++;
            } else {
                out.add(new Line('+', 0, j + 1, y[j]));
                j++;
            }
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

    private static String[] split(String s) {
        if (s == null || s.isEmpty()) {
            return new String[0];
        }
        return s.split("\r?\n", -1);
    }
}
