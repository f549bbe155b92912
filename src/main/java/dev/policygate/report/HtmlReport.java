package dev.policygate.report;

import dev.policygate.facts.Citation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS, no scripts, no external assets): score, verdict, findings, and
 * the normalised policy text with every cited span marked ({@code <mark id="m-N">}) and linked from the
 * findings that cite it. Every piece of policy or rule text is HTML-escaped.
 */
public final class HtmlReport {
    /** What a served report may do: inline CSS only, no scripts, no requests, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String CSS = """
            body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#222;line-height:1.5}
            h1{font-size:1.5rem}.accepted{color:#555;font-style:italic}.badge{display:inline-block;padding:.2rem .6rem;border-radius:.3rem;color:#fff;font-weight:600}
            .PASS,.COMPLIANT,.MET{background:#2e7d32}.FAIL,.NON_COMPLIANT,.NOT_MET{background:#c62828}
            .NEEDS_REVISION,.PARTIAL{background:#ef6c00}.NOT_APPLICABLE{background:#757575}
            table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem .5rem;\
            vertical-align:top;text-align:left}th{background:#f5f5f5}
            .policy{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;background:#fafafa}
            mark{background:#fff59d}mark:target{background:#ffb74d;outline:2px solid #e65100}
            .en{color:#555;font-size:.9em}.basis{color:#555;font-size:.85em}
            .fix{margin-top:.4rem;padding:.3rem .5rem;border-left:3px solid #2e7d32;background:#f1f8e9}
            .clause{white-space:pre-wrap;margin:.3rem 0;font-family:inherit;background:#fff;border:1px dashed #9ccc65;padding:.3rem}
            """;

    private HtmlReport() {
    }

    public static String render(ReportSource source, Gate gate) {
        AssessmentReport r = source.report();
        StringBuilder h = new StringBuilder(r.normalizedText().length() * 2 + 20_000);
        String text = r.normalizedText();
        // merge every citation's span into non-overlapping marks
        List<int[]> spans = new ArrayList<>();
        for (ReportedFinding f : r.findings()) {
            if (f.citations() != null) {
                for (Citation c : f.citations()) {
                    if (c.start() >= 0 && c.end() <= text.length() && c.start() < c.end()) {
                        spans.add(new int[] {c.start(), c.end()});
                    }
                }
            }
        }
        spans.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> a[1]));
        List<int[]> marks = new ArrayList<>();
        for (int[] s : spans) {
            int[] last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                marks.add(new int[] {s[0], s[1]});
            }
        }
        Map<int[], List<String>> citedBy = new IdentityHashMap<>();
        for (ReportedFinding f : r.findings()) {
            if (f.citations() != null) {
                for (Citation c : f.citations()) {
                    int m = markOf(marks, c.start());
                    if (m >= 0) {
                        List<String> ids = citedBy.computeIfAbsent(marks.get(m), k -> new ArrayList<>());
                        if (!ids.contains(f.obligationId())) {
                            ids.add(f.obligationId());
                        }
                    }
                }
            }
        }
        Gate.Result d = gate.decide(source);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>policygate: ").append(esc(source.name())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(source.name())).append("</h1>\n<p>");
        badge(h, d.decision().name());
        h.append(" score <strong>").append(esc(String.valueOf(r.score()))).append("</strong> ");
        badge(h, r.verdict());
        h.append(" <span class=\"en\">rule-set version ").append(r.ruleSetVersion()).append(", file ")
                .append(esc(source.uri())).append(", assessment ").append(esc(String.valueOf(r.id())))
                .append("</span></p>\n");
        if (!d.reasons().isEmpty()) {
            h.append("<ul class=\"reasons\">");
            d.reasons().forEach(x -> h.append("<li>").append(esc(x)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<table>\n<tr><th>obligation</th><th>severity</th><th>status</th><th>why</th><th>cited</th></tr>\n");
        for (ReportedFinding f : r.findings()) {
            h.append("<tr id=\"f-").append(esc(f.obligationId())).append("\"><td><code>").append(esc(f.obligationId()))
                    .append("</code><br>").append(esc(f.title())).append("<br><span class=\"en\">")
                    .append(esc(f.titleEn())).append("</span><div class=\"basis\">")
                    .append(esc(SarifReport.basis(f.legalBasis())).replace("\n", "<br>"))
                    .append("</div></td><td>").append(esc(f.severity())).append("</td><td>");
            badge(h, f.status());
            d.acceptance(f.obligationId()).ifPresent(a -> h.append("<br><span class=\"accepted\">")
                    .append(esc(a.describe())).append("</span>"));
            h.append("</td><td>").append(esc(f.rationale())).append("<br><span class=\"en\">")
                    .append(esc(f.rationaleEn())).append("</span>");
            if (f.lookedIn() != null && !f.lookedIn().isEmpty()) {
                h.append("<br><span class=\"en\">looked in: ").append(esc(String.join("; ", f.lookedIn())))
                        .append("</span>");
            }
            FindingRemediation fix = f.remediation();
            if (fix != null) {
                h.append("<div class=\"fix\"><strong>修改建议</strong> ").append(esc(fix.zh()))
                        .append("<br><span class=\"en\">How to fix: ").append(esc(fix.en())).append("</span>")
                        .append("<pre class=\"clause\">").append(esc(fix.clause())).append("</pre>");
                if (fix.insertAt() != null) {
                    h.append("<span class=\"en\">insert at the end of: ").append(esc(fix.insertAt().section()))
                            .append("</span>");
                }
                h.append("</div>");
            }
            h.append("</td><td>");
            if (f.citations() != null) {
                for (Citation c : f.citations()) {
                    int m = markOf(marks, c.start());
                    String quote = c.quote() == null ? "" : c.quote();
                    String shown = quote.length() > 60 ? quote.substring(0, 60) + "…" : quote;
                    if (m >= 0) {
                        h.append("<a href=\"#m-").append(m).append("\">").append(esc(shown)).append("</a><br>");
                    } else {
                        h.append(esc(shown)).append("<br>");
                    }
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Policy text (normalised)</h2>\n<div class=\"policy\">");
        int at = 0;
        for (int i = 0; i < marks.size(); i++) {
            int[] m = marks.get(i);
            h.append(esc(text.substring(at, m[0])));
            List<String> ids = citedBy.getOrDefault(m, List.of());
            h.append("<mark id=\"m-").append(i).append("\" title=\"").append(esc(String.join(" ", ids))).append("\">")
                    .append(esc(text.substring(m[0], m[1]))).append("</mark>");
            for (String id : ids) {
                h.append("<a class=\"en\" href=\"#f-").append(esc(id)).append("\">[").append(esc(id)).append("]</a>");
            }
            at = m[1];
        }
        h.append(esc(text.substring(at))).append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static int markOf(List<int[]> marks, int offset) {
        int lo = 0;
        int hi = marks.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] m = marks.get(mid);
            if (offset < m[0]) {
                hi = mid - 1;
            } else if (offset >= m[1]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static void badge(StringBuilder h, String value) {
        h.append("<span class=\"badge ").append(esc(value)).append("\">").append(esc(value)).append("</span>");
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
