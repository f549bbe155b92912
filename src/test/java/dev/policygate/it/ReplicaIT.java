package dev.policygate.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import dev.policygate.postgres.PostgresAvailable;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas of the packaged application on one PostgreSQL, as in the Kubernetes deployment. */
@ExtendWith(PostgresAvailable.class)
class ReplicaIT {
    private static final String DRL = """
            package policygate.it;
            import dev.policygate.facts.*;
            rule "IT_REPLICA_CHECK met"
            when
                $h : Handler()
            then
                insert(Finding.met("IT_REPLICA_CHECK", "有处理者。", "A handler is named.", $h.citations()));
            end
            rule "IT_REPLICA_CHECK not met"
            when
                not Handler()
            then
                insert(Finding.notMet("IT_REPLICA_CHECK", "无处理者。", "No handler.", java.util.List.of()));
            end
            """;

    private static int assessedVersion(AppProcess app, String text) {
        return given().baseUri(app.base()).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/assessments").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getInt("ruleSetVersion");
    }

    @Test
    void activationOnOneReplicaReachesTheOtherAndAssessmentsRecordTheVersionTheyUsed() throws Exception {
        String schema = "it_replica_" + Long.toString(System.currentTimeMillis(), 36);
        String text = Corpus.read("003_c0a6ceb5a7d8050c.txt");
        try (AppProcess a = AppProcess.start(18181, schema, Map.of());
             AppProcess b = AppProcess.start(18182, schema, Map.of())) {
            int v1 = assessedVersion(a, text);
            assertEquals(v1, assessedVersion(b, text), "both replicas start on the same version");
            assertEquals(1, given().baseUri(b.base()).get("/api/v1/rulesets").then().extract().jsonPath()
                    .getList("").size(), "the second replica did not store the packs again");

            int v2 = given().baseUri(a.base()).auth().preemptive().basic("author", AppProcess.AUTHOR_PASSWORD)
                    .contentType(ContentType.JSON)
                    .body(Map.of("id", "IT_REPLICA_CHECK", "titleZh", "集成测试", "titleEn", "Integration check",
                            "area", "B", "severity", "minor", "drl", DRL))
                    .post("/api/v1/obligations").then().statusCode(201).extract().jsonPath().getInt("ruleSetVersion");
            // b's poller compiles the new version in the background, before anyone activates it
            long created = System.nanoTime();
            while (!given().baseUri(b.base()).get("/api/v1/rulesets/" + v2).then().extract().jsonPath()
                    .getBoolean("compiledHere")) {
                assertTrue(System.nanoTime() - created < Duration.ofSeconds(120).toNanos(), "b never compiled v" + v2);
                Thread.sleep(200);
            }
            System.out.println("[replicas] b precompiled v" + v2 + " " + (System.nanoTime() - created) / 1_000_000
                    + " ms after it was created on a");
            given().baseUri(a.base()).auth().preemptive().basic("admin", AppProcess.ADMIN_PASSWORD)
                    .post("/api/v1/rulesets/" + v2 + "/activate").then().statusCode(200);
            long activated = System.nanoTime();

            int seen = assessedVersion(b, text);
            while (seen != v2 && System.nanoTime() - activated < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(100);
                seen = assessedVersion(b, text);
            }
            long millis = (System.nanoTime() - activated) / 1_000_000;
            assertEquals(v2, seen, "replica b still evaluates with version " + seen + " after " + millis + " ms");
            System.out.println("[replicas] activation on a reached b after " + millis + " ms");
            List<Object> findings = given().baseUri(b.base()).contentType(ContentType.JSON).body(Map.of("text", text))
                    .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getList("findings.obligationId");
            assertTrue(findings.contains("IT_REPLICA_CHECK"), "b evaluates with the rules of the version it records");
        }
    }

    @Test
    void sigtermLetsInFlightAssessmentsFinish() throws Exception {
        String schema = "it_shutdown_" + Long.toString(System.currentTimeMillis(), 36);
        String text = Corpus.read("001_c2f1ede221b5ad37.txt");
        AppProcess app = AppProcess.start(18183, schema, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> inFlight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                inFlight.add(pool.submit(() -> given().baseUri(app.base()).contentType(ContentType.JSON)
                        .body(Map.of("text", text, "title", "in flight")).post("/api/v1/assessments").statusCode()));
            }
            Thread.sleep(150);
            int exit = app.terminate(Duration.ofSeconds(40));
            for (Future<Integer> f : inFlight) {
                int status;
                try {
                    status = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    status = -1; // connection refused: the request had not reached the server before it stopped
                }
                assertTrue(status == 201 || status == -1 || status == 503,
                        "an accepted request was cut off: " + status);
            }
            // 143 = 128 + SIGTERM: the JVM's exit code after its shutdown hooks (Quarkus' graceful stop) ran
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
            String log = java.nio.file.Files.readString(app.log);
            assertTrue(log.contains("stopped in"), "Quarkus logged a graceful stop:\n" + log);
        } finally {
            pool.shutdownNow();
            app.close();
        }
    }
}
