package dev.policygate.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.cli.Cli;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediations in every report of a real policy (corpus 003, through the CLI with the shipped rules): JSON,
 * SARIF (help, message, fixes; schema-valid), Markdown, HTML and {@code check --explain}; and the SARIF fixes,
 * applied to the file with the open placeholders filled, really turn their obligations MET.
 */
class RemediationReportsTest {
    /** Policy 003 of the corpus (read on use, so a missing corpus skips the test rather than failing the class). */
    static Path policy() {
        return Corpus.dir().resolve("003_c0a6ceb5a7d8050c.txt");
    }

    @Test
    void jsonHasARemediationOnEveryNotMetAndPartialFindingWithKnownValuesFilledIn() throws Exception {
        Cli.Run run = Cli.run("check", policy().toString(), "--rules", "rules", "--format", "json", "-q");
        JsonNode report = JsonReport.MAPPER.readTree(run.out());
        int withFix = 0;
        for (JsonNode f : report.get("findings")) {
            String status = f.get("status").asText();
            if (status.equals("NOT_MET") || status.equals("PARTIAL")) {
                assertTrue(f.hasNonNull("remediation"), f.get("obligationId") + " " + status + " lacks a remediation");
                withFix++;
            } else {
                assertNull(f.get("remediation"), f.get("obligationId") + " is " + status + " and needs no fix");
            }
        }
        assertTrue(withFix >= 10, "003 has many open findings, got " + withFix);
        // the policy gives an e-mail address: the model clause of RIGHT_COPY uses it instead of the placeholder
        JsonNode copy = finding(report, "RIGHT_COPY").get("remediation");
        assertEquals("app@mail.gov.cn", copy.get("filled").get("电子邮箱").asText());
        assertEquals("如您需要获取个人信息副本，可发送邮件至app@mail.gov.cn申请。", copy.get("clause").asText());
        assertEquals("如您需要获取个人信息副本，可发送邮件至{电子邮箱}申请。", copy.get("clauseTemplate").asText());
        assertTrue(copy.get("open").isEmpty());
        // no address in the policy: the placeholder stays open, and the clause goes to the contact section
        JsonNode address = finding(report, "HANDLER_ADDRESS").get("remediation");
        assertEquals("联系地址：{通信地址}。", address.get("clause").asText());
        assertEquals("通信地址", address.get("open").get(0).asText());
        assertEquals("八、如何联系我们", address.get("insertAt").get("section").asText());
        String text = report.get("normalizedText").asText();
        int at = address.get("insertAt").get("offset").asInt();
        assertTrue(text.substring(0, at).endsWith("我们会在验证您的身份后的30天内处理您的请求。"),
                "the contact section ends here: " + text.substring(Math.max(0, at - 40), at));
    }

    @Test
    void sarifCarriesRemediationsAndFixesThatValidateApplyAndTurnTheObligationsMet(@TempDir Path tmp)
            throws Exception {
        Path sarifFile = tmp.resolve("out.sarif");
        Cli.Run run = Cli.run("check", policy().toString(), "--rules", "rules", "--format", "sarif", "-o",
                sarifFile.toString(), "-q");
        assertEquals(1, run.code(), run.toString());
        JsonNode sarif = JsonReport.MAPPER.readTree(Files.readString(sarifFile));
        assertEquals(java.util.Set.of(), Fixtures.sarifErrors(sarif));
        JsonNode sarifRun = sarif.get("runs").get(0);
        JsonNode addressRule = null;
        for (JsonNode rule : sarifRun.get("tool").get("driver").get("rules")) {
            if (rule.get("id").asText().equals("HANDLER_ADDRESS")) {
                addressRule = rule;
            }
        }
        assertNotNull(addressRule);
        assertTrue(addressRule.get("help").get("text").asText().contains("联系地址：{通信地址}。"));
        assertTrue(addressRule.get("help").get("markdown").asText().contains("示范条款 Model clause"));

        String original = Files.readString(policy(), StandardCharsets.UTF_8);
        List<int[]> edits = new ArrayList<>(); // offset, index into inserts
        List<String> inserts = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (JsonNode result : sarifRun.get("results")) {
            String id = result.get("ruleId").asText();
            assertTrue(result.get("message").get("text").asText().contains("示范条款 Model clause"), id);
            if (!result.has("fixes")) {
                continue;
            }
            JsonNode replacement = result.get("fixes").get(0).get("artifactChanges").get(0).get("replacements").get(0);
            JsonNode region = replacement.get("deletedRegion");
            assertEquals(region.get("startLine"), region.get("endLine"));
            assertEquals(region.get("startColumn"), region.get("endColumn"), "an insertion deletes nothing");
            String clause = replacement.get("insertedContent").get("text").asText();
            edits.add(new int[] {offset(original, region.get("startLine").asInt(), region.get("startColumn").asInt()),
                    inserts.size()});
            inserts.add(withSamples(clause));
            fixed.add(id);
        }
        assertTrue(fixed.contains("HANDLER_ADDRESS") && fixed.contains("RIGHT_COPY"), "fixes for " + fixed);
        // apply every fix from the end of the file backwards, so earlier offsets stay valid
        StringBuilder patched = new StringBuilder(original);
        edits.sort(Comparator.comparingInt((int[] e) -> e[0]).reversed().thenComparing(e -> -e[1]));
        for (int[] e : edits) {
            patched.insert(e[0], inserts.get(e[1]));
        }
        Path patchedFile = tmp.resolve("003-fixed.txt");
        Files.writeString(patchedFile, patched.toString(), StandardCharsets.UTF_8);
        JsonNode after = JsonReport.MAPPER.readTree(Cli.run("check", patchedFile.toString(), "--rules", "rules",
                "--format", "json", "-q").out());
        List<String> nowMet = fixed.stream().filter(id -> finding(after, id).get("status").asText().equals("MET"))
                .toList();
        System.out.println("[remedy] corpus 003: " + nowMet.size() + " of " + fixed.size()
                + " obligations with a SARIF fix are MET after applying the fixes; still open: "
                + fixed.stream().filter(id -> !nowMet.contains(id)).toList());
        for (String id : List.of("HANDLER_ADDRESS", "RIGHT_COPY", "RIGHT_PORTABILITY", "EXTERNAL_DISPUTE",
                "REFUSAL_REASONS", "CESSATION_NOTICE", "STORAGE_LOCATION")) {
            if (fixed.contains(id)) {
                assertEquals("MET", finding(after, id).get("status").asText(), id + " after its fix");
            }
        }
        assertTrue(after.get("score").asDouble() > 54.6, "the score rises: " + after.get("score"));
    }

    @Test
    void markdownHtmlAndExplainShowTheFix(@TempDir Path tmp) throws Exception {
        String md = Cli.run("check", policy().toString(), "--rules", "rules", "--format", "markdown", "-q").out();
        assertTrue(md.contains("How to fix"), md);
        assertTrue(md.contains("联系地址：{通信地址}。"), md);
        Path html = tmp.resolve("003.html");
        Cli.run("check", policy().toString(), "--rules", "rules", "--format", "html", "-o", html.toString(), "-q");
        String page = Files.readString(html);
        assertTrue(page.contains("<pre class=\"clause\">如您需要获取个人信息副本，可发送邮件至app@mail.gov.cn申请。</pre>"));
        Cli.Run explain = Cli.run("check", policy().toString(), "--rules", "rules", "--explain", "-q");
        assertTrue(explain.out().contains("HANDLER_ADDRESS"), explain.toString());
        assertTrue(explain.out().contains("model clause (insert at the end of 八、如何联系我们):\n      联系地址：{通信地址}。"),
                explain.toString());
        assertTrue(explain.out().contains("fill in: 通信地址"), explain.toString());
        assertFalse(Cli.run("check", policy().toString(), "--rules", "rules", "-q").out().contains("model clause"));
    }

    static JsonNode finding(JsonNode report, String id) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("obligationId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id);
    }

    /** The clause with its remaining placeholders filled by the standard sample values. */
    static String withSamples(String clause) {
        Map<String, String> samples = new HashMap<>();
        Placeholders.standard().forEach((k, v) -> samples.put(k, v.sample()));
        return new dev.policygate.rules.Remediation("x", "x", clause, null, null, null).fill(samples);
    }

    /** The 0-based offset of a 1-based SARIF line and column (UTF-16 units) in the text. */
    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }
}
