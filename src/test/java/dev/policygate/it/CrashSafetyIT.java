package dev.policygate.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import dev.policygate.postgres.PostgresAvailable;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash safety: the packaged application is killed with SIGKILL in the middle of a burst of assessments and
 * rule changes, then restarted on the same database. Everything it acknowledged must be there, unchanged, and
 * the rule-set history must be whole: versions numbered without gaps, each with its obligations, each
 * re-runnable, and the active version one that an admin really asked for.
 */
@ExtendWith(PostgresAvailable.class)
class CrashSafetyIT {
    private static final int PORT = 18184;
    private static final String DRL = """
            package policygate.it;
            import dev.policygate.facts.*;
            rule "IT_CRASH_CHECK met"
            when
                $h : Handler()
            then
                insert(Finding.met("IT_CRASH_CHECK", "有处理者（%d）。", "A handler is named (%d).", $h.citations()));
            end
            rule "IT_CRASH_CHECK not met"
            when
                not Handler()
            then
                insert(Finding.notMet("IT_CRASH_CHECK", "无处理者。", "No handler.", java.util.List.of()));
            end
            """;

    /** What the service acknowledged before it died. */
    record Acknowledged(String id, double score, String verdict, int ruleSetVersion) {
    }

    @Test
    void everythingAcknowledgedSurvivesSigkill() throws Exception {
        String schema = "it_crash_" + Long.toString(System.currentTimeMillis(), 36);
        List<String> texts = Corpus.government().stream().map(Corpus::read).toList();
        List<Acknowledged> assessments = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, String> versions = new ConcurrentHashMap<>(); // acknowledged rule-set version → sha256
        Set<Integer> activationsAsked = ConcurrentHashMap.newKeySet();
        int[] lastAcknowledgedActivation = {0};
        AtomicBoolean running = new AtomicBoolean(true);

        AppProcess app = AppProcess.start(PORT, schema, Map.of());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int c = 0; c < 3; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            Response r = given().baseUri(app.base()).contentType(ContentType.JSON)
                                    .body(Map.of("text", texts.get((client + i) % texts.size()), "title", "burst " + client + "/" + i))
                                    .post("/api/v1/assessments");
                            if (r.statusCode() == 201) {
                                JsonPath j = r.jsonPath();
                                assessments.add(new Acknowledged(j.getString("id"), j.getDouble("score"),
                                        j.getString("verdict"), j.getInt("ruleSetVersion")));
                            }
                        } catch (RuntimeException e) {
                            // the connection died with the process: not acknowledged, nothing to check
                        }
                    }
                });
            }
            clients.submit(() -> {
                for (int i = 1; running.get(); i++) {
                    try {
                        // an update names the revision it replaces (If-Match, else 428)
                        String etag = i == 1 ? null : given().baseUri(app.base()).auth().preemptive()
                                .basic("author", AppProcess.AUTHOR_PASSWORD)
                                .get("/api/v1/obligations/IT_CRASH_CHECK").header("ETag");
                        Response created = given().baseUri(app.base()).auth().preemptive()
                                .basic("author", AppProcess.AUTHOR_PASSWORD).contentType(ContentType.JSON)
                                .headers(etag == null ? Map.of() : Map.of("If-Match", etag))
                                .body(Map.of("id", "IT_CRASH_CHECK", "titleZh", "崩溃测试", "titleEn", "Crash check",
                                        "area", "B", "severity", "minor", "drl", DRL.formatted(i, i)))
                                .request(i == 1 ? "POST" : "PUT", i == 1 ? "/api/v1/obligations" : "/api/v1/obligations/IT_CRASH_CHECK");
                        if (created.statusCode() != 201 && created.statusCode() != 200) {
                            continue;
                        }
                        int v = created.jsonPath().getInt("ruleSetVersion");
                        versions.put(v, "");
                        versions.put(v, given().baseUri(app.base()).get("/api/v1/rulesets/" + v).jsonPath().getString("sha256"));
                        activationsAsked.add(v);
                        int status = given().baseUri(app.base()).auth().preemptive().basic("admin", AppProcess.ADMIN_PASSWORD)
                                .post("/api/v1/rulesets/" + v + "/activate").statusCode();
                        if (status == 200) {
                            lastAcknowledgedActivation[0] = v;
                            activationsAsked.removeIf(x -> x < v);
                        }
                    } catch (RuntimeException e) {
                        // the process died mid-request
                    }
                }
            });
            // kill once the burst is well under way: assessments acknowledged and at least two rule changes
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while ((assessments.size() < 40 || lastAcknowledgedActivation[0] < 3) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            app.kill();
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
            app.close();
        }
        assertTrue(assessments.size() >= 40 && lastAcknowledgedActivation[0] >= 3,
                "the burst never got going: " + assessments.size() + " assessments, last activation v"
                        + lastAcknowledgedActivation[0] + "; log " + app.log);
        System.out.println("[crash] killed after " + assessments.size() + " acknowledged assessments, "
                + versions.size() + " acknowledged rule-set versions, last acknowledged activation v"
                + lastAcknowledgedActivation[0]);

        try (AppProcess restarted = AppProcess.start(PORT, schema, Map.of())) {
            for (Acknowledged a : List.copyOf(assessments)) {
                JsonPath stored = given().baseUri(restarted.base()).get("/api/v1/assessments/" + a.id())
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(a.score(), stored.getDouble("score"), a.id());
                assertEquals(a.verdict(), stored.getString("verdict"), a.id());
                assertEquals(a.ruleSetVersion(), stored.getInt("ruleSetVersion"), a.id());
            }
            List<Map<String, Object>> history = new ArrayList<>(given().baseUri(restarted.base()).get("/api/v1/rulesets")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList(""));
            history.sort(Comparator.comparingInt(v -> (Integer) v.get("version")));
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i + 1, history.get(i).get("version"), "versions are numbered without gaps");
            }
            versions.forEach((v, sha) -> {
                assertTrue(v <= history.size(), "acknowledged version " + v + " is missing");
                assertTrue(sha.isEmpty() || sha.equals(history.get(v - 1).get("sha256")), "version " + v + " changed");
            });
            List<Integer> activeVersions = history.stream().filter(v -> Boolean.TRUE.equals(v.get("active")))
                    .map(v -> (Integer) v.get("version")).toList();
            assertEquals(1, activeVersions.size(), "exactly one active version");
            int active = activeVersions.get(0);
            assertTrue(active == lastAcknowledgedActivation[0] || activationsAsked.contains(active),
                    "active version " + active + " is neither the last acknowledged activation (v"
                            + lastAcknowledgedActivation[0] + ") nor one asked for after it " + activationsAsked);
            for (Map<String, Object> v : history) {
                int version = (Integer) v.get("version");
                JsonPath detail = given().baseUri(restarted.base()).get("/api/v1/rulesets/" + version)
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(detail.getInt("obligationCount"), detail.getList("obligations").size());
                // every version re-runs for an audit (an admin may name versions that were never activated)
                given().baseUri(restarted.base()).auth().preemptive().basic("admin", AppProcess.ADMIN_PASSWORD)
                        .contentType(ContentType.JSON)
                        .body(Map.of("text", texts.get(0), "ruleSetVersion", version))
                        .post("/api/v1/assessments").then().statusCode(201);
            }
            System.out.println("[crash] after restart: " + assessments.size() + " assessments present, "
                    + history.size() + " rule-set versions whole, active v" + active);
        }
    }
}
