package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.Corpus;
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

        // --errors: the contact sentence of b, found and not labelled, is a false positive on line 2 of b
        Path errors = dir.resolve("errors.tsv");
        assertEquals(0, Cli.run("eval", dir.toString(), "--lexicons-only", "--errors", errors.toString()).code());
        java.util.List<String> rows = Files.readAllLines(errors, StandardCharsets.UTF_8);
        assertEquals("policy\tline\tarea\tkind\tlabelled\tsentence", rows.get(0));
        assertTrue(rows.contains("b\t2\tCONTACT\tFALSE_POSITIVE\t\t如您对本政策有任何疑问，请发送邮件至privacy@example.com与我们联系。"),
                rows.toString());
        int wrong = 0;
        for (var area : root.get("areas")) {
            wrong += area.get("falsePositives").asInt() + area.get("falseNegatives").asInt();
        }
        assertEquals(wrong, rows.size() - 1, rows.toString());
    }

    @Test
    void thresholdsTradePrecisionForRecallOnHeldOutPolicies() throws Exception {
        // six real labelled policies, two folds: each fold's classifier is trained on the other three
        try (var files = Files.list(Corpus.dir().resolve("labelled"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().limit(6).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Cli.Run run = Cli.run("eval", dir.toString(), "--folds", "2", "--thresholds", "0.9,0.3,0.6", "--format", "json");
        assertEquals(0, run.code(), run.toString());
        JsonNode rows = new ObjectMapper().readTree(run.out()).get("thresholds");
        assertEquals(3, rows.size(), run.out());
        assertEquals(0.3, rows.get(0).get("threshold").asDouble(), run.out());
        assertEquals(0.9, rows.get(2).get("threshold").asDouble(), run.out());
        int gained = 0;
        for (String form : new String[] {"lines", "paragraphs"}) {
            for (int a = 0; a < rows.get(0).get("areas").size(); a++) {
                JsonNode low = scores(rows.get(0).get("areas").get(a), form);
                JsonNode high = scores(rows.get(2).get("areas").get(a), form);
                // the labels are the same at every threshold; a sentence found at 0.9 is found at 0.3
                assertEquals(low.get("truePositives").asInt() + low.get("falseNegatives").asInt(),
                        high.get("truePositives").asInt() + high.get("falseNegatives").asInt(), run.out());
                assertTrue(low.get("truePositives").asInt() >= high.get("truePositives").asInt(), run.out());
                assertTrue(low.get("falsePositives").asInt() >= high.get("falsePositives").asInt(), run.out());
                gained += low.get("truePositives").asInt() - high.get("truePositives").asInt();
            }
        }
        assertTrue(gained > 0, "a lower threshold finds more labelled sentences\n" + run.out());

        Cli.Run table = Cli.run("eval", dir.toString(), "--folds", "2", "--thresholds", "0.5");
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().contains("macro-F1 at 0.50"), table.out());

        Cli.Run notAProbability = Cli.run("eval", dir.toString(), "--thresholds", "1.5");
        assertEquals(2, notAProbability.code(), notAProbability.toString());
        assertTrue(notAProbability.err().contains("1.5 is not a probability"), notAProbability.toString());
        Cli.Run noClassifier = Cli.run("eval", dir.toString(), "--thresholds", "0.5", "--lexicons-only");
        assertEquals(2, noClassifier.code(), noClassifier.toString());
        assertTrue(noClassifier.err().contains("--thresholds needs"), noClassifier.toString());
    }

    private static JsonNode scores(JsonNode area, String form) {
        return form.equals("lines") ? area : area.get("paragraphs");
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
