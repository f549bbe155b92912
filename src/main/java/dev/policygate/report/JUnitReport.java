package dev.policygate.report;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML: one testsuite per policy, one testcase per obligation. NOT_MET fails, PARTIAL fails unless the
 * gate lets partial findings pass, NOT_APPLICABLE is skipped, and so is a finding the gate accepts (waived, with
 * the waiver's reason; or no worse than the baseline). A policy that could not be read is a testsuite
 * with one errored testcase. Written with the JDK's XMLStreamWriter, so everything is escaped.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String render(List<ReportSource> sources, Gate gate) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            int tests = 0;
            int failures = 0;
            int errors = 0;
            int skipped = 0;
            for (ReportSource s : sources) {
                if (s.report() == null) {
                    tests++;
                    errors++;
                    continue;
                }
                Gate.Result d = gate.decide(s);
                for (ReportedFinding f : s.report().findings()) {
                    tests++;
                    if (skips(f, d)) {
                        skipped++;
                    } else if (d.fails(f.obligationId())) {
                        failures++;
                    }
                }
            }
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "policygate");
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", Integer.toString(errors));
            w.writeAttribute("skipped", Integer.toString(skipped));
            w.writeCharacters("\n");
            for (ReportSource s : sources) {
                suite(w, s, gate);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter w, ReportSource s, Gate gate) throws XMLStreamException {
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", clean(s.uri()));
        if (s.report() == null) {
            attrs(w, 1, 0, 1, 0);
            w.writeCharacters("\n    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", className(s.uri()));
            w.writeAttribute("name", "read policy");
            w.writeAttribute("time", "0");
            w.writeStartElement("error");
            w.writeAttribute("message", clean(s.error()));
            w.writeAttribute("type", "InputError");
            w.writeCharacters(clean(s.error()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            return;
        }
        AssessmentReport r = s.report();
        Gate.Result d = gate.decide(s);
        int tests = r.findings().size();
        int failures = 0;
        int skipped = 0;
        for (ReportedFinding f : r.findings()) {
            if (skips(f, d)) {
                skipped++;
            } else if (d.fails(f.obligationId())) {
                failures++;
            }
        }
        attrs(w, tests, failures, 0, skipped);
        if (r.createdAt() != null) {
            w.writeAttribute("timestamp", r.createdAt().toLocalDateTime().withNano(0).toString());
        }
        w.writeCharacters("\n    ");
        w.writeStartElement("properties");
        property(w, "title", r.title());
        property(w, "score", String.valueOf(r.score()));
        property(w, "verdict", r.verdict());
        property(w, "decision", d.decision().name());
        property(w, "ruleSetVersion", Integer.toString(r.ruleSetVersion()));
        property(w, "assessmentId", String.valueOf(r.id()));
        w.writeCharacters("\n    ");
        w.writeEndElement();
        String classname = className(s.uri());
        for (ReportedFinding f : r.findings()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", classname);
            w.writeAttribute("name", clean(f.obligationId() + (f.subject() == null ? "" : " [" + f.subject() + "]") + " " + f.title() + " (" + f.titleEn() + ")"));
            w.writeAttribute("time", "0");
            Gate.Accepted accepted = d.acceptance(f.obligationId()).orElse(null);
            if ("NOT_APPLICABLE".equals(f.status())) {
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", clean("NOT_APPLICABLE: " + nz(f.rationaleEn())));
            } else if (accepted != null) {
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", clean(f.status() + " " + accepted.describe()));
            } else if (d.fails(f.obligationId())) {
                w.writeStartElement("failure");
                w.writeAttribute("message", clean(f.status() + ": " + nz(f.rationale()) + " / " + nz(f.rationaleEn())));
                w.writeAttribute("type", f.status());
                StringBuilder body = new StringBuilder();
                body.append(f.severity()).append(" ").append(f.status()).append("\n")
                        .append(nz(f.rationale())).append("\n").append(nz(f.rationaleEn())).append("\n");
                if (f.lookedIn() != null && !f.lookedIn().isEmpty()) {
                    body.append("Looked in: ").append(String.join("; ", f.lookedIn())).append("\n");
                }
                if (f.citations() != null) {
                    f.citations().forEach(c -> body.append("Cited [").append(c.section()).append("]: ")
                            .append(c.quote()).append("\n"));
                }
                FindingRemediation fix = f.remediation();
                if (fix != null) {
                    body.append("How to fix: ").append(nz(fix.zh())).append(" / ").append(nz(fix.en())).append("\n")
                            .append("Model clause").append(fix.insertAt() == null ? "" : " (insert at the end of "
                                    + fix.insertAt().section() + ")").append(":\n").append(fix.clause()).append("\n");
                }
                body.append("Legal basis:\n").append(SarifReport.basis(f.legalBasis()));
                w.writeCharacters(clean(body.toString()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** NOT_APPLICABLE findings and accepted ones (waived, or no worse than the baseline) are skipped. */
    private static boolean skips(ReportedFinding f, Gate.Result d) {
        return "NOT_APPLICABLE".equals(f.status()) || d.acceptance(f.obligationId()).isPresent();
    }

    private static void attrs(XMLStreamWriter w, int tests, int failures, int errors, int skipped)
            throws XMLStreamException {
        w.writeAttribute("tests", Integer.toString(tests));
        w.writeAttribute("failures", Integer.toString(failures));
        w.writeAttribute("errors", Integer.toString(errors));
        w.writeAttribute("skipped", Integer.toString(skipped));
        w.writeAttribute("time", "0");
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n      ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", clean(value));
    }

    private static String className(String uri) {
        return clean("policygate." + (uri == null ? "policy" : uri.replace('\\', '/')));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Drops characters XML 1.0 cannot hold at all (escaping is the writer's job). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
