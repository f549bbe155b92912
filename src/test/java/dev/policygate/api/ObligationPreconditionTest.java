package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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

/** Obligation edits need If-Match with the ETag read: a stale or missing one changes nothing. */
@QuarkusTest
public class ObligationPreconditionTest {
    private static RequestSpecification author() {
        return given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON);
    }

    private static Map<String, Object> obligation(String id, String titleEn) {
        return Map.of("id", id, "titleZh", "并发编辑", "titleEn", titleEn, "area", "B", "severity", "minor",
                "conditional", false, "drl", RuleSetApiTest.drlFor(id));
    }

    /** Creates a fresh obligation; answers the ETag that the 201 carries. */
    private static String created(String id) {
        Response r = author().body(obligation(id, "Concurrent edit")).post("/api/v1/obligations");
        r.then().statusCode(201);
        int version = r.jsonPath().getInt("ruleSetVersion");
        String location = r.header("Location");
        assertNotNull(location, "201 carries Location");
        assertTrue(location.endsWith("/api/v1/obligations/" + id + "?ruleSetVersion=" + version), location);
        // the Location names the obligation as created, with the same ETag
        String tag = author().get(location).then().statusCode(200).body("id", equalTo(id)).extract().header("ETag");
        assertEquals(r.header("ETag"), tag);
        return tag;
    }

    @Test
    void getAnswersStrongETagsForObligationsAndRuleSetVersions() {
        Response o = given().get("/api/v1/obligations/HANDLER_IDENTITY");
        o.then().statusCode(200);
        assertEquals("\"r" + o.jsonPath().getInt("revision") + "\"", o.header("ETag"));
        Response v = given().get("/api/v1/rulesets/1");
        v.then().statusCode(200);
        assertEquals("\"" + v.jsonPath().getString("sha256") + "\"", v.header("ETag"));
    }

    @Test
    void missingIfMatchIs428AndStaleIs412AndNothingIsStored() {
        String id = "TEST_ETAG_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String first = created(id);
        int versions = ObligationTags.latestVersion();

        author().body(obligation(id, "No precondition")).put("/api/v1/obligations/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        author().delete("/api/v1/obligations/" + id).then().statusCode(428).contentType("application/problem+json");
        author().header("If-Match", "W/" + first).delete("/api/v1/obligations/" + id).then().statusCode(412);
        assertEquals(versions, ObligationTags.latestVersion(), "nothing stored without a matching If-Match");

        Response updated = author().header("If-Match", first).body(obligation(id, "Edited once"))
                .put("/api/v1/obligations/" + id);
        updated.then().statusCode(200);
        String second = updated.header("ETag");
        assertNotEquals(first, second);
        assertEquals(second, ObligationTags.latest(id));

        // an author who read the first revision may not overwrite the second
        author().header("If-Match", first).body(obligation(id, "Lost update")).put("/api/v1/obligations/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString(second));
        author().header("If-Match", first).delete("/api/v1/obligations/" + id).then().statusCode(412);
        assertEquals(versions + 1, ObligationTags.latestVersion());
        author().get("/api/v1/obligations/" + id + "?ruleSetVersion=" + (versions + 1)).then()
                .body("titleEn", equalTo("Edited once"));

        author().header("If-Match", second).delete("/api/v1/obligations/" + id).then().statusCode(200);
        author().get("/api/v1/obligations/" + id + "?ruleSetVersion=" + ObligationTags.latestVersion()).then()
                .statusCode(404);
    }

    @Test
    void twoConcurrentPutsWithTheSameETagGiveOne200AndOne412() throws Exception {
        String id = "TEST_RACE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String tag = created(id);
        int versions = ObligationTags.latestVersion();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> puts = new ArrayList<>();
        try {
            for (String title : List.of("Edit A", "Edit B")) {
                puts.add(pool.submit(() -> {
                    RequestSpecification put = author().header("If-Match", tag).body(obligation(id, title));
                    start.await(30, TimeUnit.SECONDS);
                    return put.put("/api/v1/obligations/" + id);
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : puts) {
                answers.add(f.get(300, TimeUnit.SECONDS));
            }
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 412), statuses, answers.get(0).asString() + " / " + answers.get(1).asString());
            Response winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            String winnerTitle = answers.get(0) == winner ? "Edit A" : "Edit B";
            // exactly one new version, holding the edit that was answered 200
            assertEquals(versions + 1, ObligationTags.latestVersion());
            author().get("/api/v1/obligations/" + id + "?ruleSetVersion=" + (versions + 1)).then()
                    .body("titleEn", equalTo(winnerTitle)).header("ETag", equalTo(winner.header("ETag")));
            author().header("If-Match", winner.header("ETag")).delete("/api/v1/obligations/" + id).then()
                    .statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
