package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Activating rule-set versions while assessments run neither blocks nor fails them. */
@QuarkusTest
class ActivationUnderLoadTest {
    private static final String DRL = """
            package policygate.load;
            import dev.policygate.facts.*;
            rule "LOAD_CHECK met"
            when
                $h : Handler()
            then
                insert(Finding.met("LOAD_CHECK", "有处理者。", "A handler is named.", $h.citations()));
            end
            rule "LOAD_CHECK not met"
            when
                not Handler()
            then
                insert(Finding.notMet("LOAD_CHECK", "无处理者。", "No handler.", java.util.List.of()));
            end
            """;

    @Test
    void assessmentsKeepSucceedingWhileVersionsAreActivated() throws Exception {
        int before = given().get("/api/v1/rulesets").then().extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(v -> Boolean.TRUE.equals(v.get("active")))
                .map(v -> (Integer) v.get("version")).findFirst().orElseThrow();
        int created = given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .body(Map.of("id", "LOAD_CHECK", "titleZh", "负载检查", "titleEn", "Load check", "area", "B",
                        "severity", "minor", "drl", DRL))
                .post("/api/v1/obligations").then().statusCode(201).extract().jsonPath().getInt("ruleSetVersion");
        String text = Corpus.read("002_944f7c7b08ba1df0.txt");
        ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    responses.add(given().contentType(ContentType.JSON).body(Map.of("text", text))
                            .post("/api/v1/assessments"));
                }
            }));
        }
        try {
            for (int round = 0; round < 3; round++) {
                for (int version : new int[] {created, before}) {
                    given().auth().preemptive().basic("admin", "admin")
                            .post("/api/v1/rulesets/" + version + "/activate").then().statusCode(200);
                    Thread.sleep(300);
                }
            }
        } finally {
            running.set(false);
            for (Future<?> f : clients) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        assertTrue(responses.size() >= 4, "assessments ran during the activations: " + responses.size());
        for (Response r : responses) {
            assertEquals(201, r.statusCode(), r.asString());
            int used = r.jsonPath().getInt("ruleSetVersion");
            assertTrue(Set.of(before, created).contains(used), "recorded version " + used);
            boolean hasLoadCheck = r.jsonPath().getList("findings.obligationId").contains("LOAD_CHECK");
            assertEquals(used == created, hasLoadCheck, "findings come from the version the assessment records");
        }
        given().auth().preemptive().basic("author", "author").header("If-Match", ObligationTags.latest("LOAD_CHECK"))
                .delete("/api/v1/obligations/LOAD_CHECK")
                .then().statusCode(200);
    }
}
