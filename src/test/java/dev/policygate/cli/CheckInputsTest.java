package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard input, --report-only, --version and the progress output, on the policies in samples/. */
class CheckInputsTest {
    static final Path WEIBO = Corpus.sample("weibo.txt");

    @TempDir
    Path tmp;

    @Test
    void aDashReadsThePolicyFromStandardInputAsAFileWouldBe() throws Exception {
        CliProcessTest.Result fromStdin = CliProcessTest.exec(tmp, WEIBO, Map.of(), "check", "-", "--format", "json",
                "--rules", "rules");
        Cli.Run fromFile = Cli.run("check", WEIBO.toString(), "--format", "json", "--rules", "rules");
        assertEquals(fromFile.code(), fromStdin.code(), fromStdin.err());
        JsonNode a = JsonReport.MAPPER.readTree(fromStdin.out());
        JsonNode b = JsonReport.MAPPER.readTree(fromFile.out());
        assertEquals(b.path("score"), a.path("score"), fromStdin.out());
        assertEquals(b.path("verdict"), a.path("verdict"));
        assertEquals(b.path("documentSha256"), a.path("documentSha256"));
        assertEquals(b.path("findings").size(), a.path("findings").size());
        assertTrue(a.path("findings").size() > 40, "every obligation judged");
        assertTrue(fromStdin.err().contains("[1/1] -: "), fromStdin.err());

        Path empty = Files.createFile(tmp.resolve("empty"));
        CliProcessTest.Result nothing = CliProcessTest.exec(tmp, empty, Map.of(), "check", "-");
        assertEquals(PolicygateCli.USAGE, nothing.code());
        assertTrue(nothing.err().contains("standard input, which is empty"), nothing.err());
    }

    @Test
    void reportOnlyWritesTheReportAndExitsZeroWhateverTheGateSays() throws Exception {
        Path report = tmp.resolve("report.json");
        Path summary = tmp.resolve("summary.json");
        Cli.Run gated = Cli.run("check", WEIBO.toString(), "--rules", "rules", "--fail-under", "100", "-q");
        assertEquals(PolicygateCli.FAIL, gated.code(), gated.toString());
        Cli.Run reported = Cli.run("check", WEIBO.toString(), "--rules", "rules", "--fail-under", "100", "-q",
                "--report-only", "--format", "json", "-o", report.toString(), "--summary-json", summary.toString());
        assertEquals(PolicygateCli.PASS, reported.code(), reported.toString());
        assertTrue(reported.out().contains("FAIL"), "the summary still says what the gate decided\n" + reported.out());
        assertTrue(JsonReport.MAPPER.readTree(report.toFile()).path("findings").size() > 40, "the whole report");
        JsonNode decided = JsonReport.MAPPER.readTree(summary.toFile()).at("/results/0");
        assertEquals("FAIL", decided.path("decision").asText(), decided.toPrettyString());

        Cli.Run unreadable = Cli.run("check", tmp.resolve("missing.txt").toString(), "--report-only", "-q");
        assertEquals(PolicygateCli.USAGE, unreadable.code(), "an unreadable file is still an error");
    }

    @Test
    void aPolicyInAnotherLanguageIsNotAssessedAndCanBeLeftOutOfADirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("policies"));
        Files.copy(WEIBO, dir.resolve("privacy.zh.txt"));
        Files.writeString(dir.resolve("privacy.en.txt"), "Privacy Policy\n1. Information We Collect\nWe collect your"
                + " name, e-mail address and phone number when you register an account.\n2. Contact Us\nWrite to us.");
        Cli.Run all = Cli.run("check", dir.toString(), "--rules", "rules", "-q");
        assertEquals(PolicygateCli.USAGE, all.code(), all.toString());
        assertTrue(all.out().contains("Not a Chinese policy"), all.toString());
        Cli.Run chinese = Cli.run("check", dir.toString(), "--rules", "rules", "-q", "--exclude", "*.en.txt",
                "--summary-json", tmp.resolve("summary.json").toString());
        assertTrue(chinese.code() == PolicygateCli.PASS || chinese.code() == PolicygateCli.FAIL, chinese.toString());
        JsonNode results = JsonReport.MAPPER.readTree(tmp.resolve("summary.json").toFile()).path("results");
        assertEquals(1, results.size(), results.toPrettyString());
        assertTrue(results.get(0).toString().contains("privacy.zh.txt"), results.toPrettyString());
        assertEquals(PolicygateCli.USAGE, Cli.run("check", dir.toString(), "--exclude", "[").code(), "a bad glob");
    }

    @Test
    void theVersionIsThePomVersion() throws Exception {
        String pomVersion = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement().getElementsByTagName("version").item(0).getTextContent();
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.code());
        assertEquals("policygate " + pomVersion, run.out().strip());
    }

    @Test
    void progressIsPlainLinesWithoutCarriageReturnsInCi() throws Exception {
        assertFalse(CheckCommand.Progress.interactive(Map.of("CI", "true", "TERM", "xterm"), System.console()));
        assertFalse(CheckCommand.Progress.interactive(Map.of("TERM", "xterm"), null), "no console: redirected");
        assertFalse(CheckCommand.Progress.interactive(Map.of("TERM", "dumb"), System.console()));
        Path other = Corpus.sample("kingsoft-online.txt");
        // (CliProcessTest checks the plain lines of a redirected run without CI)
        CliProcessTest.Result r = CliProcessTest.exec(tmp, Path.of("/dev/null"), Map.of("CI", "true"), "check",
                WEIBO.toString(), other.toString(), "--rules", "rules", "--format", "json");
        assertFalse(r.err().contains("\r"), "no carriage return\n" + r.err());
        assertTrue(r.err().contains("[2/2] "), r.err());
    }
}
