package dev.policygate.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.policygate.Corpus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The same policy assessed again and again is stored once, and so is its result; every assessment still reads back
 * its whole text, facts and findings.
 */
@QuarkusTest
class PolicyTextStorageTest {
    private static JsonPath assess(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "title", "stored once"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
    }

    private static long texts(String sha) {
        return QuarkusTransaction.requiringNew().call(() -> PolicyText.count("sha256", sha));
    }

    @Test
    void oneTextForManyAssessmentsEvenWhenTheyArriveAtOnce() throws Exception {
        // a text of its own (not shared with other tests): the corpus policy with a line that names this run
        String text = Corpus.read("003_c0a6ceb5a7d8050c.txt") + "\n本政策测试编号 " + System.nanoTime() + "。";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonPath>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit((Callable<JsonPath>) () -> assess(text)));
            }
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> f : sent) {
                answers.add(f.get());
            }
            String sha = answers.get(0).getString("documentSha256");
            assertEquals(1, texts(sha), "stored once");
            List<String> resultKeys = new ArrayList<>();
            for (JsonPath a : answers) {
                java.util.UUID id = java.util.UUID.fromString(a.getString("id"));
                resultKeys.add(QuarkusTransaction.requiringNew().call(
                        () -> AssessmentRecord.<AssessmentRecord>findById(id).resultKey));
            }
            assertEquals(1, resultKeys.stream().distinct().count(), "one result for one text and version");
            assertEquals(1L, QuarkusTransaction.requiringNew().call(
                    () -> AssessmentResult.count("resultKey", resultKeys.get(0))));
            for (JsonPath a : answers) {
                assertEquals(sha, a.getString("documentSha256"));
                JsonPath stored = given().get("/api/v1/assessments/" + a.getString("id")).then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(a.getString("normalizedText"), stored.getString("normalizedText"));
                assertEquals(a.getList("findings"), stored.getList("findings"));
                assertEquals(a.getList("facts"), stored.getList("facts"));
                assertEquals(answers.get(0).getList("facts"), a.getList("facts"));
            }
            assertNotEquals(answers.get(0).getString("id"), answers.get(1).getString("id"));
        } finally {
            pool.shutdownNow();
        }
    }
}
