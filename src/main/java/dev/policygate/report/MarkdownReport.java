package dev.policygate.report;

import java.util.List;

/** A short Markdown summary for pull-request comments: score, verdict, counts and the non-MET findings. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(List<ReportSource> sources, Gate gate) {
        StringBuilder md = new StringBuilder();
        if (sources.size() > 1) {
            md.append("## policygate: ").append(sources.size()).append(" policies\n\n");
            md.append("| policy | decision | score | verdict | MET | PARTIAL | NOT_MET | N/A |\n");
            md.append("|---|---|---:|---|---:|---:|---:|---:|\n");
            for (ReportSource s : sources) {
                if (s.report() == null) {
                    md.append("| ").append(cell(s.uri())).append(" | ERROR | | ").append(cell(s.error()))
                            .append(" | | | | |\n");
                    continue;
                }
                AssessmentReport r = s.report();
                md.append("| ").append(cell(s.uri())).append(" | ").append(gate.decide(s).decision())
                        .append(" | ").append(r.score()).append(" | ").append(r.verdict());
                for (String st : List.of("MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE")) {
                    md.append(" | ").append(count(r, st));
                }
                md.append(" |\n");
            }
            md.append("\n");
        }
        for (ReportSource s : sources) {
            policy(md, s, gate, sources.size() > 1 ? "###" : "##");
        }
        return md.toString();
    }

    private static void policy(StringBuilder md, ReportSource s, Gate gate, String h) {
        if (s.report() == null) {
            md.append(h).append(" ❗ ").append(inline(s.uri())).append(": not assessed\n\n")
                    .append(inline(s.error())).append("\n\n");
            return;
        }
        AssessmentReport r = s.report();
        Gate.Result d = gate.decide(s);
        md.append(h).append(d.passed() ? " ✅ " : " ❌ ").append(inline(s.name())).append(": ")
                .append(d.decision()).append("\n\n");
        md.append("| score | verdict | MET | PARTIAL | NOT_MET | N/A |\n|---:|---|---:|---:|---:|---:|\n");
        md.append("| ").append(r.score()).append(" | ").append(r.verdict());
        for (String st : List.of("MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE")) {
            md.append(" | ").append(count(r, st));
        }
        md.append(" |\n\n");
        if (!d.reasons().isEmpty()) {
            md.append("Gate: ").append(inline(String.join("; ", d.reasons()))).append("\n\n");
        }
        List<ReportedFinding> open = r.findings().stream()
                .filter(f -> !"MET".equals(f.status()) && !"NOT_APPLICABLE".equals(f.status())).toList();
        if (open.isEmpty()) {
            md.append("Every applicable obligation is met.\n\n");
            return;
        }
        md.append("| obligation | severity | status | why |\n|---|---|---|---|\n");
        for (ReportedFinding f : open) {
            md.append("| `").append(f.obligationId()).append("` ").append(cell(f.title()))
                    .append(gate.require().contains(f.obligationId()) ? " (required)" : "")
                    .append(" | ").append(f.severity())
                    .append(" | ").append(f.status())
                    .append(d.acceptance(f.obligationId()).map(a -> ", " + inline(a.describe())).orElse(""))
                    .append(" | ").append(cell(f.rationale())).append(" |\n");
        }
        md.append("\n");
        List<ReportedFinding> fixable = open.stream().filter(f -> f.remediation() != null).toList();
        if (!fixable.isEmpty()) {
            md.append("<details><summary>How to fix (").append(fixable.size()).append(")</summary>\n\n");
            for (ReportedFinding f : fixable) {
                FindingRemediation fix = f.remediation();
                md.append("- `").append(f.obligationId()).append("` ").append(inline(fix.zh())).append(" ")
                        .append(inline(fix.en()));
                if (fix.insertAt() != null) {
                    md.append(" (at the end of ").append(inline(fix.insertAt().section())).append(")");
                }
                md.append("\n\n  ~~~text\n");
                for (String line : fix.clause().split("\n")) {
                    md.append("  ").append(line.replace("~~~", "～～～")).append("\n");
                }
                md.append("  ~~~\n");
            }
            md.append("\n</details>\n\n");
        }
    }

    static long count(AssessmentReport r, String status) {
        return r.findings().stream().filter(f -> status.equals(f.status())).count();
    }

    /** A table cell: one line, pipes and markup characters escaped. */
    static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }

    static String inline(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("\r", " ").replace("\n", " ").replace("<", "&lt;")
                .replace(">", "&gt;").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")
                .replace("[", "\\[").replace("]", "\\]");
    }
}
