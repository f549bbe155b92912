package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code policygate check}, in process, on the corpus. */
class CheckCommandTest {
    @TempDir
    static Path tmp;
    static Path lenient;
    static Path nonsense;
    static List<Path> gov;

    @BeforeAll
    static void setUp() throws Exception {
        lenient = Cli.lenientRules(tmp);
        nonsense = tmp.resolve("nonsense.txt");
        Files.writeString(nonsense, "今天天气很好。\n我们去公园散步吧。\n");
        gov = Corpus.government();
    }

    @Test
    void exitCodesFollowTheGate() {
        Cli.Run pass = Cli.run("check", gov.get(3).toString(), "--rules", lenient.toString(), "--fail-under", "0");
        assertEquals(0, pass.code(), pass.toString());
        assertTrue(pass.out().contains("PASS"), pass.toString());

        Cli.Run failUnder = Cli.run("check", nonsense.toString(), "--rules", lenient.toString(), "--fail-under", "50");
        assertEquals(1, failUnder.code(), failUnder.toString());

        Cli.Run nonCompliant = Cli.run("check", nonsense.toString(), "--rules", "rules");
        assertEquals(1, nonCompliant.code(), nonCompliant.toString());
        assertTrue(nonCompliant.out().contains("NON_COMPLIANT"));

        Cli.Run required = Cli.run("check", nonsense.toString(), "--rules", lenient.toString(),
                "--require", "HANDLER_IDENTITY", "--format", "markdown");
        assertEquals(1, required.code(), required.toString());
        assertTrue(required.out().contains("required HANDLER\\_IDENTITY is NOT\\_MET"), required.out());
    }

    @Test
    void aSweepExitsZeroWhenItRanWhateverThePoliciesDecided() throws Exception {
        Path json = tmp.resolve("sweep/shard-0.json");
        Cli.Run ran = Cli.run("check", nonsense.toString(), tmp.resolve("missing.txt").toString(), "--rules", "rules",
                "--sweep", "--format", "json", "--output", json.toString());
        assertEquals(0, ran.code(), "a failing policy and an unreadable file are in the report: " + ran);
        JsonNode report = JsonReport.MAPPER.readTree(json.toFile());
        assertEquals(2, report.size(), report.toString());
        assertTrue(ran.out().contains("NON_COMPLIANT") && ran.out().contains("missing.txt"), ran.out());

        Cli.Run unreachable = Cli.run("check", nonsense.toString(), "--sweep", "--server", "http://127.0.0.1:9");
        assertEquals(PolicygateCli.SWEEP_STOPPED, unreachable.code(), "nothing assessed: " + unreachable);
        assertEquals(2, Cli.run("check", nonsense.toString(), "--sweep", "--format", "pdf").code());
    }

    @Test
    void usageErrorsExitTwoWithAMessage() {
        Cli.Run unknown = Cli.run("check", nonsense.toString(), "--require", "NO_SUCH_OBLIGATION");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("NO_SUCH_OBLIGATION"), unknown.toString());
        assertEquals(2, Cli.run("check", nonsense.toString(), "--format", "pdf").code());
        assertEquals(2, Cli.run("check", nonsense.toString(), "--fail-under", "101").code());
        assertEquals(2, Cli.run("check", nonsense.toString(), "--shard", "2/2").code());
        assertEquals(2, Cli.run("check", tmp.resolve("missing.txt").toString()).code());
        assertEquals(2, Cli.run("check").code());
        assertEquals(2, Cli.run("frobnicate").code());
        assertEquals(0, Cli.run("--help").code());
    }

    @Test
    void sarifOfSeveralPoliciesIsOneValidDocument() throws Exception {
        Path out = tmp.resolve("reports/gov.sarif");
        Cli.Run run = Cli.run(args("check", gov, "--format", "sarif", "--output", out.toString(), "--threads", "2"));
        assertEquals(1, run.code(), run.toString());
        JsonNode sarif = JsonReport.MAPPER.readTree(out.toFile());
        assertEquals(Set.of(), Fixtures.sarifErrors(sarif));
        assertEquals(gov.size(), sarif.at("/runs/0/artifacts").size());
        assertEquals(gov.size(), sarif.at("/runs/0/properties/policies").size());
        assertEquals(45, sarif.at("/runs/0/tool/driver/rules").size());
        for (JsonNode result : sarif.at("/runs/0/results")) {
            int line = result.at("/locations/0/physicalLocation/region/startLine").asInt();
            String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            long lines = Files.readAllLines(uri.startsWith("file:") ? Path.of(java.net.URI.create(uri)) : Path.of(uri)).size();
            assertTrue(line >= 1 && line <= lines, uri + ":" + line);
        }
    }

    @Test
    void junitMarkdownJsonAndHtmlReports() throws Exception {
        Cli.Run junit = Cli.run(args("check", gov, "--format", "junit", "--rules", lenient.toString()));
        assertEquals(0, junit.code(), junit.err());
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals(gov.size(), root.getElementsByTagName("testsuite").getLength());
        assertEquals(gov.size() * 45, root.getElementsByTagName("testcase").getLength());
        assertEquals(Integer.parseInt(root.getAttribute("failures")), root.getElementsByTagName("failure").getLength());
        assertTrue(junit.err().contains("policies:"), "the summary goes to stderr when the report goes to stdout");

        Cli.Run md = Cli.run("check", gov.get(0).toString(), "--format", "markdown");
        assertTrue(md.out().contains("| score | verdict | MET | PARTIAL | NOT_MET | N/A |"), md.out());
        assertTrue(md.out().contains("| obligation | severity | status | why |"), md.out());

        Cli.Run json = Cli.run(args("check", gov.subList(0, 2), "--format", "json"));
        JsonNode array = JsonReport.MAPPER.readTree(json.out());
        assertEquals(2, array.size());
        assertEquals(45, array.get(0).path("findings").size());

        Path hostile = tmp.resolve("hostile.txt");
        Files.writeString(hostile, Corpus.read(gov.get(3)) + "\n七、附则\n<script>alert('pwned')</script>\n");
        Path html = tmp.resolve("hostile.html");
        Cli.Run h = Cli.run("check", hostile.toString(), "--format", "html", "-o", html.toString());
        assertTrue(h.code() <= 1, h.toString());
        String page = Files.readString(html);
        assertFalse(page.contains("<script"), "policy text is escaped");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"));

        Path htmlDir = tmp.resolve("html-reports");
        Cli.Run many = Cli.run(args("check", gov.subList(0, 2), "--format", "html", "-o", htmlDir.toString()));
        assertTrue(many.code() <= 1, many.toString());
        try (var files = Files.list(htmlDir)) {
            assertEquals(2, files.count());
        }
        assertEquals(2, Cli.run(args("check", gov.subList(0, 2), "--format", "html")).code(),
                "several HTML reports need an output directory");
    }

    @Test
    void batchOfADirectoryWithACorruptFileChecksTheRest() throws Exception {
        Path dir = tmp.resolve("batch");
        Files.createDirectories(dir.resolve("nested"));
        for (int i = 0; i < 3; i++) {
            Files.copy(gov.get(i), (i == 2 ? dir.resolve("nested") : dir).resolve(gov.get(i).getFileName()));
        }
        Files.write(dir.resolve("broken.pdf"), new byte[] {0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, (byte) 0xff, 0x13, 0x37});
        Files.writeString(dir.resolve("notes.md"), "not a policy");
        Path csv = tmp.resolve("summary.csv");
        Path json = tmp.resolve("summary.json");
        Path junit = tmp.resolve("batch.xml");
        Cli.Run run = Cli.run("check", dir.toString(), "--rules", lenient.toString(), "--threads", "2",
                "--summary-csv", csv.toString(), "--summary-json", json.toString(),
                "--format", "junit", "--output", junit.toString());
        assertEquals(2, run.code(), "a file that cannot be read makes the exit code 2\n" + run);
        assertTrue(run.out().contains("broken.pdf") && run.out().contains("ERROR"), run.out());
        assertTrue(run.out().contains("4 policies: 3 passed, 0 failed, 1 not assessed"), run.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(5, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith("file,decision,score,verdict"));
        assertEquals(1, rows.stream().filter(r -> r.contains("broken.pdf") && r.contains("ERROR")).count());
        JsonNode summary = JsonReport.MAPPER.readTree(json.toFile());
        assertEquals(4, summary.path("results").size());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("errors=\"1\""), xml.substring(0, 300));
    }

    @Test
    void shardsSplitTheSortedFiles() {
        Cli.Run all = Cli.run(args("check", gov, "--rules", lenient.toString(), "-q"));
        assertTrue(all.out().contains(gov.size() + " policies"), all.out());
        Cli.Run shard = Cli.run(args("check", gov, "--rules", lenient.toString(), "--shard", "1/2", "-q"));
        assertEquals(0, shard.code(), shard.toString());
        assertTrue(shard.out().contains("2 policies"), shard.out());
        assertTrue(shard.out().contains(gov.get(1).getFileName().toString()));
        assertTrue(shard.out().contains(gov.get(3).getFileName().toString()));
        assertFalse(shard.out().contains(gov.get(0).getFileName().toString()));
    }

    @Test
    void rulesTestAndExtract() throws Exception {
        Cli.Run tests = Cli.run("rules", "test", "rules", "--quiet");
        assertTrue(tests.out().contains("case(s):"), tests.toString());
        boolean anyFailed = tests.out().lines().anyMatch(l -> l.startsWith("FAIL "));
        assertEquals(anyFailed ? 1 : 0, tests.code(), tests.toString());

        Cli.Run extract = Cli.run("extract", gov.get(3).toString());
        assertEquals(0, extract.code(), extract.toString());
        JsonNode facts = JsonReport.MAPPER.readTree(extract.out());
        assertTrue(facts.isArray() && facts.size() > 0);
        assertTrue(facts.get(0).has("type") && facts.get(0).has("citations"), facts.get(0).toString());
        assertEquals(2, Cli.run("extract", tmp.resolve("missing.txt").toString()).code());
    }

    private static String[] args(String command, List<Path> files, String... rest) {
        List<String> a = new java.util.ArrayList<>();
        a.add(command);
        files.forEach(f -> a.add(f.toString()));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }
}
