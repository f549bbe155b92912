package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A retried POST with the same Idempotency-Key stores one assessment; the key cannot be reused for another. */
@QuarkusTest
public class IdempotencyApiTest {
    private static final String POLICY = Corpus.read("003_c0a6ceb5a7d8050c.txt");
    private static final String OTHER_POLICY = Corpus.read("001_c2f1ede221b5ad37.txt");

    private static long storedAssessments() {
        return given().get("/api/v1/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static Response post(String path, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path);
    }

    @Test
    void sameKeyAndBodyAnswersTheStoredAssessmentAndADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        long before = storedAssessments();
        Map<String, Object> body = Map.of("text", POLICY, "title", "idempotent " + key);
        Response first = post("/api/v1/assessments", key, body);
        first.then().statusCode(201);
        Response retry = post("/api/v1/assessments", key, body);
        retry.then().statusCode(201);
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.jsonPath().getDouble("score"), retry.jsonPath().getDouble("score"));
        assertEquals(before + 1, storedAssessments(), "the retry stored nothing");

        post("/api/v1/assessments", key, Map.of("text", OTHER_POLICY, "title", "idempotent " + key)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("different request"));
        // the same key on the other endpoint is another request too
        post("/api/v1/gate", key, body).then().statusCode(422).contentType("application/problem+json");
        assertEquals(before + 1, storedAssessments());

        // keys are per caller: another user's same key is a new request
        Response otherCaller = given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Map.of("text", OTHER_POLICY)).post("/api/v1/assessments");
        otherCaller.then().statusCode(201);
        assertNotEquals(first.jsonPath().getString("id"), otherCaller.jsonPath().getString("id"));
        // without a key every POST stores an assessment
        given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then().statusCode(201);
        assertEquals(before + 3, storedAssessments());
    }

    @Test
    void concurrentRetriesWithTheSameKeyStoreOneAssessment() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = storedAssessments();
        Map<String, Object> body = Map.of("text", OTHER_POLICY, "title", "concurrent " + key);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return post("/api/v1/assessments", key, body);
                }));
            }
            Response a = posts.get(0).get(120, TimeUnit.SECONDS);
            Response b = posts.get(1).get(120, TimeUnit.SECONDS);
            assertEquals(201, a.statusCode(), a.asString());
            assertEquals(201, b.statusCode(), b.asString());
            assertEquals(a.jsonPath().getString("id"), b.jsonPath().getString("id"));
            assertEquals(before + 1, storedAssessments());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gateRetryAnswersTheSameDecisionOnTheSameAssessment() {
        String key = UUID.randomUUID().toString();
        long before = storedAssessments();
        Map<String, Object> body = Map.of("text", POLICY, "failUnder", 50);
        Response first = post("/api/v1/gate", key, body);
        first.then().statusCode(200);
        Response retry = post("/api/v1/gate", key, body);
        retry.then().statusCode(200);
        assertEquals(first.jsonPath().getString("assessmentId"), retry.jsonPath().getString("assessmentId"));
        assertEquals(first.jsonPath().getString("decision"), retry.jsonPath().getString("decision"));
        assertEquals(before + 1, storedAssessments());
        post("/api/v1/gate", key, Map.of("text", POLICY, "failUnder", 90)).then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(before + 1, storedAssessments());
    }

    @Test
    void malformedKeyIs400AndStoresNothing() {
        long before = storedAssessments();
        post("/api/v1/assessments", "x".repeat(201), Map.of("text", POLICY)).then().statusCode(400)
                .contentType("application/problem+json").body("title", containsString("Idempotency-Key"));
        assertEquals(before, storedAssessments());
    }
}
