package dev.policygate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportRenderersTest {
    private static final Gate GATE = Gate.DEFAULT;

    @Test
    void sarifHasOneResultPerOpenFindingLocatedInTheOriginalFileAndValidates() throws Exception {
        String sarif = ReportFormat.SARIF.render(List.of(Fixtures.source(),
                ReportSource.failed("broken.pdf", "Unreadable PDF <garbage>")), GATE);
        JsonNode root = JsonReport.MAPPER.readTree(sarif);
        assertEquals(Set.of(), Fixtures.sarifErrors(root), sarif);
        JsonNode run = root.at("/runs/0");
        assertEquals(5, run.at("/tool/driver/rules").size());
        JsonNode rule = run.at("/tool/driver/rules/2");
        assertEquals("HANDLER_IDENTITY", rule.at("/id").asText());
        assertEquals("error", rule.at("/defaultConfiguration/level").asText());
        assertEquals("warning", run.at("/tool/driver/rules/1/defaultConfiguration/level").asText());
        assertEquals("note", run.at("/tool/driver/rules/3/defaultConfiguration/level").asText());
        assertTrue(rule.at("/fullDescription/text").asText().contains("第十七条"));
        JsonNode results = run.at("/results");
        assertEquals(3, results.size(), "PARTIAL and two NOT_MET; MET and NOT_APPLICABLE are not results");
        // PARTIAL CONTACT: quote on line 8 of the original (blank lines, CRLF and folded spaces before it)
        JsonNode contact = results.get(0);
        assertEquals("CONTACT", contact.at("/ruleId").asText());
        assertEquals("PARTIAL", contact.at("/properties/status").asText());
        JsonNode region = contact.at("/locations/0/physicalLocation/region");
        assertEquals(8, region.at("/startLine").asInt());
        String line8 = Fixtures.ORIGINAL.substring(1).split("\r\n")[7];
        int col = line8.indexOf("privacy@") + 1;
        assertEquals(col, region.at("/startColumn").asInt());
        assertEquals(8, region.at("/endLine").asInt());
        assertEquals(line8.indexOf("<legal>") + "<legal>".length() + 1, region.at("/endColumn").asInt());
        assertEquals("policies/%E7%A4%BA%E4%BE%8B%20app.txt",
                contact.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        // NOT_MET with lookedIn: the heading's line; without: line 1
        assertEquals(7, results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(1, results.get(2).at("/locations/0/physicalLocation/region/startLine").asInt());
        assertFalse(run.at("/invocations/0/executionSuccessful").asBoolean());
        assertTrue(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText().contains("broken.pdf"));
    }

    @Test
    void junitHasASuitePerPolicyWithFailuresSkipsAndEscapedText() throws Exception {
        String xml = ReportFormat.JUNIT.render(List.of(Fixtures.source(),
                ReportSource.failed("broken.pdf", "bad & <broken>")), GATE);
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("6", root.getAttribute("tests"));
        assertEquals("3", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("skipped"));
        assertEquals("1", root.getAttribute("errors"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals(5, suite.getElementsByTagName("testcase").getLength());
        assertEquals(3, suite.getElementsByTagName("failure").getLength());
        assertEquals(1, suite.getElementsByTagName("skipped").getLength());
        assertTrue(((Element) suite.getElementsByTagName("failure").item(0)).getAttribute("message")
                .contains("只有邮箱 <script>"));
        assertEquals("bad & <broken>", ((Element) ((Element) suites.item(1)).getElementsByTagName("error").item(0))
                .getAttribute("message"));

        Document lenient = parse(ReportFormat.JUNIT.render(List.of(Fixtures.source()), Gate.of(0, List.of(), true)));
        assertEquals("2", lenient.getDocumentElement().getAttribute("failures"), "PARTIAL passes with partialPasses");
    }

    @Test
    void htmlEscapesThePolicyAndLinksFindingsToMarkedSpans() {
        String html = ReportFormat.HTML.render(Fixtures.source(), GATE);
        assertFalse(html.contains("<script>"), "policy text must never become markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;legal&gt;"));
        assertFalse(html.contains("<link") || html.contains("src=\"http"), "self-contained");
        assertTrue(html.contains("<style>"));
        assertTrue(html.contains("<mark id=\"m-0\""));
        assertTrue(html.contains("<mark id=\"m-1\""));
        assertTrue(html.contains("href=\"#m-1\""));
        assertTrue(html.contains("id=\"f-CONTACT\""));
        assertThrows(IllegalArgumentException.class,
                () -> ReportFormat.HTML.render(List.of(Fixtures.source(), Fixtures.source()), GATE));
    }

    @Test
    void markdownSummarisesScoreVerdictCountsAndOpenFindings() {
        String md = ReportFormat.MARKDOWN.render(List.of(Fixtures.source()), GATE);
        assertTrue(md.contains("| score | verdict | MET | PARTIAL | NOT_MET | N/A |"), md);
        assertTrue(md.contains("| 47.5 | NON\\_COMPLIANT | 1 | 1 | 2 | 1 |") || md.contains("| 47.5 | NON_COMPLIANT | 1 | 1 | 2 | 1 |"), md);
        assertTrue(md.contains("| obligation | severity | status | why |"));
        assertTrue(md.contains("`HANDLER_IDENTITY`"));
        assertFalse(md.contains("`DATA_COLLECTION`"), "MET findings are not listed");
        assertFalse(md.contains("<script>"));
        assertTrue(md.contains("FAIL"));
        String many = ReportFormat.MARKDOWN.render(List.of(Fixtures.source(), ReportSource.failed("x.pdf", "bad")), GATE);
        assertTrue(many.contains("| policy | decision |"));
        assertTrue(many.contains("ERROR"));
    }

    @Test
    void jsonIsTheAssessmentReport() throws Exception {
        String json = ReportFormat.JSON.render(Fixtures.source(), GATE);
        AssessmentReport back = JsonReport.MAPPER.readValue(json, AssessmentReport.class);
        assertEquals(Fixtures.report().findings(), back.findings());
        assertEquals("47.5", back.score().toPlainString());
        assertTrue(json.contains("\"createdAt\" : \"2026-11-23T12:00:00Z\""), json);
    }

    @Test
    void gateRule() {
        AssessmentReport r = Fixtures.report();
        Gate.Result d = Gate.DEFAULT.decide(r);
        assertEquals(Gate.Decision.FAIL, d.decision(), "NON_COMPLIANT fails");
        assertEquals(List.of("CONTACT", "HANDLER_IDENTITY", "POLICY_DATES"),
                d.failed().stream().map(Gate.Failed::obligationId).toList());
        AssessmentReport revision = new AssessmentReport(r.id(), r.createdAt(), r.title(), r.documentSha256(),
                r.ruleSetVersion(), r.score(), "NEEDS_REVISION", r.normalizedText(), r.findings(), r.facts());
        assertEquals(Gate.Decision.PASS, Gate.DEFAULT.decide(revision).decision());
        assertEquals(Gate.Decision.FAIL, Gate.of(50, List.of(), false).decide(revision).decision());
        assertEquals(Gate.Decision.PASS, Gate.of(47.5, List.of("DATA_COLLECTION", "MINORS_RULES"), false)
                .decide(revision).decision(), "MET and NOT_APPLICABLE satisfy a requirement");
        assertEquals(Gate.Decision.FAIL, Gate.of(0, List.of("CONTACT"), false).decide(revision).decision());
        assertEquals(Gate.Decision.PASS, Gate.of(0, List.of("CONTACT"), true).decide(revision).decision());
        assertEquals(List.of("NOPE"), Gate.of(0, List.of("NOPE"), false).unknownRequired(Set.of("CONTACT")));
    }

    @Test
    void sourceMapAlignsExactlyAndFallsBack() {
        String original = Fixtures.ORIGINAL.substring(1);
        SourceMap exact = new SourceMap(original, Fixtures.NORMALIZED);
        assertTrue(exact.exact());
        int at = Fixtures.NORMALIZED.indexOf("用于注册");
        SourceMap.Region r = exact.region(at, at + 4, "用于注册");
        String line4 = original.split("\r\n")[3];
        assertEquals(new SourceMap.Region(4, line4.indexOf("用于注册") + 1, 4, line4.indexOf("用于注册") + 5), r);
        // a span across a folded line break ends on the next line
        int s = Fixtures.NORMALIZED.indexOf("注册。");
        assertEquals(7, exact.region(s, s + 6, null).endLine());
        // a Traditional original with full-width digits is read in Simplified script and ASCII: still exact
        String traditional = "隱私政策\r\n一、我們收集您的手機號碼，用於註冊。\r\n我們將在１５天內答覆。";
        String simplified = new dev.policygate.ingest.Ingestor().ingestText(traditional).normalizedText();
        assertEquals("隐私政策\n一、我们收集您的手机号码，用于注册。\n我们将在15天内答复。", simplified);
        SourceMap converted = new SourceMap(traditional, simplified);
        assertTrue(converted.exact());
        int d = simplified.indexOf("15天");
        assertEquals(new SourceMap.Region(3, 5, 3, 8), converted.region(d, d + 3, "15天")); // "１５天" in the original
        // HTML-like original: no alignment, the quote is searched for
        String html = "<html><body>\n<h1>示例</h1>\n<p>我们收集您的手机号码， 用于注册。</p>\n</body></html>";
        SourceMap searched = new SourceMap(html, Fixtures.NORMALIZED);
        assertFalse(searched.exact());
        assertEquals(3, searched.region(at, at + 4, "用于注册").startLine());
        assertNull(searched.region(0, 3, "不存在的文字"));
        assertEquals(1, searched.firstLine().startLine());
        // a heading that a table of contents repeats: the section's own line
        String toc = "目录\n一、收集\n二、联系我们\n正文\n一、收集\n我们收集。\n二、联系我们\n邮箱。";
        assertEquals(7, new SourceMap(toc, toc).heading("二、联系我们").startLine());
        assertEquals(6, new SourceMap("<p>x</p>\n" + toc, toc).heading("一、收集 > （一）缺失的小节").startLine());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
