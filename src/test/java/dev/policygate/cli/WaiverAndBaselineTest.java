package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Waivers from {@code .policygate.yaml} and {@code --baseline}, on a corpus policy checked with the shipped
 * rules: the gate that fails on a required obligation passes while its waiver holds, fails the day after it
 * expired, and a baseline accepts what did not get worse.
 */
class WaiverAndBaselineTest {
    @TempDir
    static Path project;
    static Path policy;
    /** An obligation the policy does not meet. */
    static String notMet;
    static Path baselineReport;

    @BeforeAll
    static void setUp() throws Exception {
        Path dir = Files.createDirectories(project.resolve("policies"));
        policy = Files.copy(Corpus.government().get(0), dir.resolve("gov-app.txt"));
        baselineReport = project.resolve("baseline.json");
        Cli.Run plain = Cli.run("check", policy.toString(), "--rules", "rules", "--format", "json",
                "--output", baselineReport.toString(), "--fail-on-verdict", "NEEDS_REVISION");
        assertEquals(1, plain.code(), "the plain gate fails this policy: " + plain);
        List<String> notMetIds = new ArrayList<>();
        for (JsonNode f : JsonReport.MAPPER.readTree(baselineReport.toFile()).path("findings")) {
            if ("NOT_MET".equals(f.path("status").asText())) {
                notMetIds.add(f.path("obligationId").asText());
            }
        }
        assertFalse(notMetIds.isEmpty(), "the policy has a NOT_MET finding");
        notMet = notMetIds.get(0);
    }

    private static void waive(String files, String expires) throws Exception {
        Files.writeString(project.resolve(".policygate.yaml"), """
                waivers:
                  - obligation: %s
                    files: "%s"
                    reason: "Contact page goes live with release 3.2"
                    owner: privacy@example.com
                    expires: %s
                """.formatted(notMet, files, expires));
    }

    private static Cli.Run check(String today, String... more) {
        List<String> args = new ArrayList<>(List.of("check", policy.toString(), "--rules", "rules",
                "--fail-on-verdict", "NONE", "--require", notMet, "--today", today));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aWaivedObligationPassesUntilItsWaiverExpires() throws Exception {
        waive("policies/*.txt", "2027-01-31");
        Cli.Run held = check("2027-01-31");
        assertEquals(0, held.code(), held.toString());
        assertTrue(held.out().contains("accepted: " + notMet), held.out());

        Cli.Run expired = check("2027-02-01");
        assertEquals(1, expired.code(), expired.toString());
        assertTrue(expired.out().contains(notMet + " is NOT_MET: its waiver expired on 2027-01-31"), expired.out());

        waive("other/*.txt", "2027-01-31");
        Cli.Run otherFiles = check("2027-01-31");
        assertEquals(1, otherFiles.code(), "a waiver for other files does not apply: " + otherFiles);
        assertTrue(otherFiles.out().contains("required " + notMet + " is NOT_MET"), otherFiles.out());
    }

    @Test
    void aWaivedFindingStillShowsInEveryReport() throws Exception {
        waive("gov-app.txt", "2027-01-31");
        Cli.Run sarif = check("2027-01-10", "--format", "sarif");
        assertEquals(0, sarif.code(), sarif.err());
        JsonNode doc = JsonReport.MAPPER.readTree(sarif.out());
        assertEquals(Set.of(), Fixtures.sarifErrors(doc));
        List<JsonNode> waived = new ArrayList<>();
        doc.at("/runs/0/results").forEach(r -> {
            if (notMet.equals(r.path("ruleId").asText())) {
                waived.add(r);
            }
        });
        assertEquals(1, waived.size(), "the waived finding is still a result");
        JsonNode suppression = waived.get(0).at("/suppressions/0");
        assertEquals("external", suppression.path("kind").asText());
        assertEquals("Contact page goes live with release 3.2", suppression.path("justification").asText());
        assertEquals("2027-01-31", suppression.at("/properties/expires").asText());

        Cli.Run junit = check("2027-01-10", "--format", "junit");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        NodeList cases = root.getElementsByTagName("testcase");
        Element waivedCase = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").startsWith(notMet + " ")) {
                waivedCase = c;
            }
        }
        assertTrue(waivedCase != null, junit.out());
        assertEquals(0, waivedCase.getElementsByTagName("failure").getLength());
        assertEquals("NOT_MET waived until 2027-01-31 (privacy@example.com): Contact page goes live with release 3.2",
                ((Element) waivedCase.getElementsByTagName("skipped").item(0)).getAttribute("message"));

        Cli.Run markdown = check("2027-01-10", "--format", "markdown");
        assertTrue(markdown.out().contains("NOT_MET, waived until 2027-01-31"), markdown.out());
        Path html = project.resolve("report.html");
        check("2027-01-10", "--format", "html", "--output", html.toString());
        assertTrue(Files.readString(html).contains("waived until 2027-01-31 (privacy@example.com)"));
    }

    @Test
    void aBadProjectFileIsAUsageErrorNamingIt() throws Exception {
        Path config = project.resolve("bad.yaml");
        Files.writeString(config, "waivers:\n  - obligation: CONTACT\n    reason: later\n    owner: me\n");
        Cli.Run run = check("2027-01-10", "--config", config.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("bad.yaml") && run.err().contains("needs an expiry date"), run.err());
        Files.writeString(config, "waiver:\n  - obligation: CONTACT\n");
        Cli.Run typo = check("2027-01-10", "--config", config.toString());
        assertEquals(2, typo.code(), typo.toString());
        assertTrue(typo.err().contains("waiver"), typo.err());
    }

    @Test
    void aBaselinePassesAnUnchangedPolicyAndFailsWhatGotWorse() throws Exception {
        Files.deleteIfExists(project.resolve(".policygate.yaml"));
        Cli.Run unchanged = Cli.run("check", policy.toString(), "--rules", "rules",
                "--fail-on-verdict", "NEEDS_REVISION", "--baseline", baselineReport.toString(), "--format", "sarif");
        assertEquals(0, unchanged.code(), unchanged.toString());
        JsonNode sarif = JsonReport.MAPPER.readTree(unchanged.out());
        assertEquals(Set.of(), Fixtures.sarifErrors(sarif));
        assertTrue(sarif.at("/runs/0/results").size() > 0);
        sarif.at("/runs/0/results").forEach(r -> assertEquals("unchanged", r.path("baselineState").asText()));

        // the same file, cut to its first lines: what the baseline met and this does not fails
        List<String> lines = Files.readAllLines(policy);
        Path worse = Files.writeString(project.resolve("policies/worse.txt"),
                String.join("\n", lines.subList(0, lines.size() / 8)) + "\n");
        Cli.Run regressed = Cli.run("check", worse.toString(), "--rules", "rules",
                "--fail-on-verdict", "NEEDS_REVISION", "--baseline", baselineReport.toString());
        assertEquals(1, regressed.code(), regressed.toString());
        assertTrue(regressed.out().contains("was MET in the baseline"), regressed.out());
        Files.delete(worse);

        Cli.Run notJson = Cli.run("check", policy.toString(), "--baseline", policy.toString());
        assertEquals(2, notJson.code(), notJson.toString());
        assertNotEquals(-1, notJson.err().indexOf("--baseline"), notJson.err());
    }
}
