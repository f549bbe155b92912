package dev.policygate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.cli.Cli;
import dev.policygate.report.JsonReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policygate diff} on corpus policy 003 and revisions of it: the removed contact paragraph flips exactly
 * the obligations it held (the handler's contact and the response deadline), names its sentences as the cause
 * and fails the regression gate; a rewritten sentence is a CHANGED cause; an unchanged policy has no change.
 */
class PolicyDiffTest {
    /** Policy 003 of the corpus (read on use, so a missing corpus skips the test rather than failing the class). */
    static Path policy() {
        return Corpus.dir().resolve("003_c0a6ceb5a7d8050c.txt");
    }
    static final String CONTACT_HEADING = "八、如何联系我们";

    @TempDir
    static Path tmp;
    static Path withoutContact;
    static List<String> contactParagraph = new ArrayList<>();

    @BeforeAll
    static void revisions() throws Exception {
        List<String> lines = Files.readAllLines(policy(), StandardCharsets.UTF_8);
        // the heading stands in the table of contents too: the section is its last occurrence
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(CONTACT_HEADING)) {
                heading = i;
            }
        }
        int paragraph = heading + 1;
        while (paragraph < lines.size() && lines.get(paragraph).isBlank()) {
            paragraph++;
        }
        List<String> kept = new ArrayList<>(lines);
        contactParagraph.add(kept.remove(paragraph).strip());
        assertEquals(1, contactParagraph.size(), "003 has one contact paragraph under " + CONTACT_HEADING);
        withoutContact = tmp.resolve("003-without-contact.txt");
        Files.writeString(withoutContact, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
    }

    static JsonNode json(Cli.Run run) throws Exception {
        return JsonReport.MAPPER.readTree(run.out());
    }

    static Set<String> flipped(JsonNode c) {
        Set<String> ids = new TreeSet<>();
        c.get("flipped").forEach(f -> ids.add(f.get("obligationId").asText()));
        return ids;
    }

    @Test
    void removingTheContactParagraphFlipsExactlyTheContactObligationsAndFailsTheGate() throws Exception {
        Cli.Run run = Cli.run("diff", policy().toString(), withoutContact.toString(), "--rules", "rules",
                "--format", "json");
        assertEquals(1, run.code(), run.toString());
        JsonNode c = json(run);
        assertEquals(Set.of("HANDLER_CONTACT", "RESPONSE_DEADLINE"), flipped(c), run.out());
        assertTrue(c.get("regression").asBoolean());
        assertEquals(0, c.get("sentences").get("added").asInt());
        assertEquals(0, c.get("sentences").get("changed").asInt());
        assertEquals(2, c.get("sentences").get("removed").asInt(), "the paragraph has two sentences");
        for (JsonNode f : c.get("flipped")) {
            assertFalse(f.get("causes").isEmpty(), f.get("obligationId") + " has a cause");
            for (JsonNode cause : f.get("causes")) {
                assertEquals("REMOVED", cause.get("kind").asText());
                JsonNode before = cause.get("before");
                assertEquals(CONTACT_HEADING, before.get("section").asText());
                assertTrue(contactParagraph.get(0).contains(before.get("text").asText()), before.toString());
            }
        }
        JsonNode contact = c.get("flipped").get(0).get("obligationId").asText().equals("HANDLER_CONTACT")
                ? c.get("flipped").get(0) : c.get("flipped").get(1);
        assertEquals("MET", contact.get("before").asText());
        assertEquals("NOT_MET", contact.get("after").asText());
        assertEquals("REGRESSED", contact.get("direction").asText());
        assertTrue(contact.get("causes").get(0).get("before").get("text").asText().contains("app@mail.gov.cn"));
        // the offsets of a removed sentence point into the old normalised text
        String oldText = json(Cli.run("check", policy().toString(), "--rules", "rules", "--format", "json", "-q"))
                .get("normalizedText").asText();
        JsonNode span = contact.get("causes").get(0).get("before");
        assertEquals(span.get("text").asText(), oldText.substring(span.get("start").asInt(), span.get("end").asInt()));
        assertTrue(c.get("after").get("score").decimalValue().compareTo(c.get("before").get("score").decimalValue()) < 0);

        Cli.Run table = Cli.run("diff", policy().toString(), withoutContact.toString(), "--rules", "rules");
        assertEquals(1, table.code());
        assertTrue(table.out().contains("HANDLER_CONTACT    MET            NOT_MET        REGRESSED"), table.out());
        assertTrue(table.out().contains("cause: REMOVED 八、如何联系我们: \"如果您对本政策"), table.out());
        Cli.Run md = Cli.run("diff", policy().toString(), withoutContact.toString(), "--rules", "rules",
                "--format", "markdown");
        assertTrue(md.out().contains("❌ regression") && md.out().contains("`HANDLER_CONTACT`"), md.out());
    }

    @Test
    void addingItBackIsNoRegressionAndNamesTheAddedSentences() throws Exception {
        Cli.Run run = Cli.run("diff", withoutContact.toString(), policy().toString(), "--rules", "rules",
                "--format", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode c = json(run);
        assertEquals(Set.of("HANDLER_CONTACT", "RESPONSE_DEADLINE"), flipped(c));
        assertFalse(c.get("regression").asBoolean());
        for (JsonNode f : c.get("flipped")) {
            for (JsonNode cause : f.get("causes")) {
                assertEquals("ADDED", cause.get("kind").asText());
            }
        }
    }

    @Test
    void aRewrittenSentenceIsAChangedCause() throws Exception {
        String text = Files.readString(policy(), StandardCharsets.UTF_8);
        assertTrue(text.contains("30天内处理您的请求"));
        Path revised = tmp.resolve("003-15-days.txt");
        Files.writeString(revised, text.replace("30天内处理您的请求", "15个工作日内处理您的请求"), StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("diff", policy().toString(), revised.toString(), "--rules", "rules", "--format", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode c = json(run);
        assertEquals(Set.of("RESPONSE_DEADLINE"), flipped(c), run.out());
        JsonNode f = c.get("flipped").get(0);
        assertEquals("NOT_MET", f.get("before").asText());
        assertEquals("MET", f.get("after").asText());
        assertEquals("IMPROVED", f.get("direction").asText());
        JsonNode cause = f.get("causes").get(0);
        assertEquals("CHANGED", cause.get("kind").asText());
        assertTrue(cause.get("before").get("text").asText().contains("30天"));
        assertTrue(cause.get("after").get("text").asText().contains("15个工作日"));
        assertEquals(1, c.get("sentences").get("changed").asInt());
    }

    @Test
    void theSamePolicyTwiceHasNoChange() throws Exception {
        Cli.Run run = Cli.run("diff", policy().toString(), policy().toString(), "--rules", "rules", "--format", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode c = json(run);
        assertTrue(c.get("flipped").isEmpty());
        assertTrue(c.get("changes").isEmpty());
        assertEquals(0, c.get("scoreDelta").decimalValue().signum());
        assertEquals(2, Cli.run("diff", policy().toString(), tmp.resolve("missing.txt").toString(), "--rules", "rules")
                .code());
        assertEquals(2, Cli.run("diff", policy().toString(), policy().toString(), "--format", "pdf").code());
    }
}
