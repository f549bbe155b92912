package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policygate eval} through the command line, on two small labelled policies of our own. */
class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresAllSentencesAndTheUndisputedOnes() throws Exception {
        // the contact sentence is labelled contact in a and nothing in b: disputed, so left out of the undisputed
        // scores for contact; the encryption sentence is security in both
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
                "{\"text\": \"我们使用加密技术保护您的个人信息。\", \"labels\": [\"安全措施\"]}",
                "{\"text\": \"如您对本政策有任何疑问，请发送邮件至privacy@example.com与我们联系。\", \"labels\": [\"联系方式\"]}",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.jsonl"), String.join("\n",
                "{\"text\": \"我们使用加密技术保护您的个人信息。\", \"labels\": [\"安全措施\"]}",
                "{\"text\": \"如您对本政策有任何疑问，请发送邮件至privacy@example.com与我们联系。\", \"labels\": []}",
                ""), StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("eval", dir.toString(), "--lexicons-only", "--format", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode contact = area(root, "CONTACT");
        // found in both policies: right in a, wrong in b over all sentences
        assertEquals(1, contact.get("truePositives").asInt(), run.out());
        assertEquals(1, contact.get("falsePositives").asInt(), run.out());
        assertEquals(0, contact.get("undisputed").get("truePositives").asInt(), run.out());
        assertEquals(0, contact.get("undisputed").get("falsePositives").asInt(), run.out());
        JsonNode security = area(root, "SECURITY");
        assertEquals(security.get("truePositives").asInt(), security.get("undisputed").get("truePositives").asInt());
        assertEquals(2, security.get("truePositives").asInt() + security.get("falseNegatives").asInt());
        assertTrue(root.has("undisputedMacroF1"), run.out());

        Cli.Run table = Cli.run("eval", dir.toString(), "--lexicons-only");
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().contains("undisputed P/R/F1"), table.out());
    }

    private static JsonNode area(JsonNode root, String name) {
        for (JsonNode a : root.get("areas")) {
            if (a.get("area").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError(name + " is missing: " + root);
    }
}
