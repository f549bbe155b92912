package dev.policygate.compare;

import dev.policygate.report.JsonReport;
import java.util.Locale;

/** A comparison as text for a terminal, as Markdown (a PR comment) or as JSON (as the API returns it). */
public final class ComparisonReport {
    private static final int SHOWN = 60;

    private ComparisonReport() {
    }

    public static String json(PolicyComparison c) {
        try {
            return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String table(PolicyComparison c) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "score %s -> %s (%s%s), verdict %s -> %s%n", c.before().score(),
                c.after().score(), c.scoreDelta().signum() >= 0 ? "+" : "", c.scoreDelta(), c.before().verdict(),
                c.after().verdict()));
        t.append(String.format(Locale.ROOT, "sentences: %d added, %d removed, %d changed%n", c.sentences().added(),
                c.sentences().removed(), c.sentences().changed()));
        t.append(c.regression() ? "REGRESSION: a previously met obligation is no longer met\n" : "no regression\n");
        t.append('\n');
        if (c.flipped().isEmpty()) {
            t.append("No obligation changed its status.\n");
        } else {
            int w = Math.max(10, c.flipped().stream().mapToInt(f -> f.obligationId().length()).max().orElse(10));
            String fmt = "%-" + w + "s  %-14s %-14s %-9s %s%n";
            t.append(String.format(Locale.ROOT, fmt, "obligation", "before", "after", "", "title"));
            for (PolicyComparison.Flip f : c.flipped()) {
                t.append(String.format(Locale.ROOT, fmt, f.obligationId(), f.before(), f.after(),
                        f.direction(), f.title()));
                for (SentenceChange s : f.causes()) {
                    t.append("    cause: ").append(describe(s)).append('\n');
                }
            }
        }
        if (!c.stillNotMet().isEmpty()) {
            t.append("\nstill NOT_MET: ").append(String.join(", ", c.stillNotMet().stream()
                    .map(PolicyComparison.Obligation::obligationId).toList())).append('\n');
        }
        if (!c.changes().isEmpty()) {
            t.append("\nchanged sentences:\n");
            for (SentenceChange s : c.changes()) {
                t.append("  ").append(describe(s)).append('\n');
            }
        }
        return t.toString();
    }

    public static String markdown(PolicyComparison c) {
        StringBuilder md = new StringBuilder();
        md.append("## policygate diff: ").append(c.regression() ? "❌ regression" : "✅ no regression").append("\n\n");
        md.append("| | before | after |\n|---|---|---|\n");
        md.append("| policy | ").append(cell(c.before().title())).append(" | ").append(cell(c.after().title()))
                .append(" |\n");
        md.append("| score | ").append(c.before().score()).append(" | ").append(c.after().score()).append(" (")
                .append(c.scoreDelta().signum() >= 0 ? "+" : "").append(c.scoreDelta()).append(") |\n");
        md.append("| verdict | ").append(c.before().verdict()).append(" | ").append(c.after().verdict())
                .append(" |\n\n");
        md.append("Sentences: ").append(c.sentences().added()).append(" added, ").append(c.sentences().removed())
                .append(" removed, ").append(c.sentences().changed()).append(" changed.\n\n");
        if (c.flipped().isEmpty()) {
            md.append("No obligation changed its status.\n\n");
        } else {
            md.append("| obligation | before | after | cause |\n|---|---|---|---|\n");
            for (PolicyComparison.Flip f : c.flipped()) {
                md.append("| `").append(f.obligationId()).append("` ").append(cell(f.title())).append(" | ")
                        .append(f.before()).append(" | ").append(f.after()).append(" | ");
                md.append(String.join("<br>", f.causes().stream().map(s -> cell(describe(s))).toList()));
                md.append(" |\n");
            }
            md.append('\n');
        }
        if (!c.stillNotMet().isEmpty()) {
            md.append("Still NOT_MET: ").append(String.join(", ", c.stillNotMet().stream()
                    .map(o -> "`" + o.obligationId() + "`").toList())).append("\n\n");
        }
        return md.toString();
    }

    /** {@code REMOVED 八、如何联系我们: "如果您对本政策…"}; CHANGED shows both texts. */
    static String describe(SentenceChange s) {
        return switch (s.kind()) {
            case ADDED -> "ADDED " + where(s.after()) + "\"" + shorten(s.after().text()) + "\"";
            case REMOVED -> "REMOVED " + where(s.before()) + "\"" + shorten(s.before().text()) + "\"";
            case CHANGED -> "CHANGED " + where(s.after()) + "\"" + shorten(s.before().text()) + "\" -> \""
                    + shorten(s.after().text()) + "\"";
        };
    }

    private static String where(SentenceChange.Span s) {
        return s.section() == null || s.section().isBlank() ? "" : s.section() + ": ";
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "…";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
