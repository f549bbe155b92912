package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile DRL sent over the API is refused by the sandbox with a problem naming it, and nothing is stored. */
@QuarkusTest
public class RuleSandboxApiTest {
    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    private static final String HOSTILE = """
            package policygate.test;

            import dev.policygate.facts.*;

            rule "TEST_HOSTILE met"
            when
                $h : Handler()
            then
                System.exit(1);
                insert(Finding.met("TEST_HOSTILE", "有", "yes", $h.citations()));
            end
            """;

    private static RequestSpecification author() {
        return given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON);
    }

    private static Map<String, Object> obligation(String id, String drl) {
        return Map.of("id", id, "titleZh", "恶意义务", "titleEn", "Hostile obligation", "area", "B",
                "severity", "minor", "conditional", false, "drl", drl);
    }

    /** Each version's number and content hash (whether a replica has compiled it changes in the background). */
    private static List<String> versions() {
        return given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().map(v -> v.get("version") + "=" + v.get("sha256")).toList();
    }

    private static List<Object> obligations() {
        return given().get("/api/v1/obligations").then().statusCode(200).extract().jsonPath().getList("");
    }

    @Test
    void hostileObligationIsRefusedAndNothingIsStored() {
        List<String> versionsBefore = versions();
        List<Object> obligationsBefore = obligations();
        JsonPath problem = author().body(obligation("TEST_HOSTILE", HOSTILE))
                .post("/api/v1/obligations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("DRL does not compile"))
                .extract().jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        assertTrue(errors.stream().anyMatch(e -> "TEST_HOSTILE".equals(e.get("obligationId"))
                && ((Integer) e.get("line")) == 9 && ((Integer) e.get("column")) == 5
                && String.valueOf(e.get("message")).startsWith("line 9: System is not allowed in a rule")),
                "a message names System at line 9, column 5: " + errors);
        assertEquals(versionsBefore, versions(), "rule-set versions");
        assertEquals(obligationsBefore, obligations(), "obligation revisions");
        given().get("/api/v1/obligations/TEST_HOSTILE").then().statusCode(404);
    }

    @Test
    void hostileEditOfAnExistingObligationIsRefused() {
        List<String> versionsBefore = versions();
        Map<String, Object> shipped = given().get("/api/v1/obligations/HANDLER_IDENTITY").then().statusCode(200)
                .extract().jsonPath().getMap("");
        String drl = ((String) shipped.get("drl")).replace("List<Object> evidence = new ArrayList<>();",
                "List<Object> evidence = new ArrayList<>(); drools.getKieRuntime().halt();");
        assertTrue(drl.contains("getKieRuntime"), "the edit applies");
        author().body(obligation("HANDLER_IDENTITY", drl)).header("If-Match", ObligationTags.latest("HANDLER_IDENTITY"))
                .put("/api/v1/obligations/HANDLER_IDENTITY")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.message.flatten().findAll { it.contains('drools.getKieRuntime is not allowed') }.size()",
                        equalTo(1));
        assertEquals(versionsBefore, versions(), "rule-set versions");
        given().get("/api/v1/obligations/HANDLER_IDENTITY").then().statusCode(200)
                .body("revision", equalTo(shipped.get("revision")))
                .body("drl", equalTo(shipped.get("drl")));
    }

    @Test
    void livenessReportsTheRuleEvaluator() {
        given().get(live).then().statusCode(200)
                .body("checks.find { it.name == 'rule-evaluator' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-evaluator' }.data.stuckWorkers", equalTo(0));
    }

    @Test
    void validateReportsTheSandboxMessages() {
        author().body(obligation("TEST_HOSTILE", HOSTILE)).post("/api/v1/rulesets/validate")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("messages.findAll { it.message.contains('System is not allowed') }.size()", equalTo(1));
    }

    private static String hostileRule(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/hostile-rules", file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the source hides, the bytecode shows: both reproducers of issue 13 are refused at validation. */
    @Test
    void validateRefusesCodeHiddenFromTheSourceChecks() {
        author().body(obligation("TEXT_BLOCK_ESCAPE", hostileRule("text-block-escape.drl")))
                .post("/api/v1/rulesets/validate").then().statusCode(200).body("valid", equalTo(false))
                .body("messages.findAll { it.message.contains('java.nio.file.Files.writeString is not allowed') }.size()",
                        equalTo(1));
        author().body(obligation("INTEGER_TYPE_CHAIN", hostileRule("integer-type-chain.drl")))
                .post("/api/v1/rulesets/validate").then().statusCode(200).body("valid", equalTo(false))
                .body("messages.findAll { it.message.contains('TYPE') }.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    /** A burning rule is refused at validation, and ten at once neither starve assessments nor leave stuck workers. */
    @Test
    void tenConcurrentBurningValidationsLeaveAssessmentsAndLivenessAlone() throws Exception {
        String burning = hostileRule("burn-nested-loops.drl");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<JsonPath>> validations = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                validations.add(pool.submit(() -> author().body(obligation("BURN_NESTED_LOOPS", burning))
                        .post("/api/v1/rulesets/validate").then().statusCode(200).extract().jsonPath()));
            }
            Thread.sleep(300);
            String policy = dev.policygate.Corpus.read(dev.policygate.Corpus.government().get(1));
            long t0 = System.nanoTime();
            given().contentType(ContentType.JSON).body(Map.of("text", policy, "title", "while authors burn"))
                    .post("/api/v1/assessments").then().statusCode(201);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5000, "assessment took " + ms + " ms while validations burned");
            given().get(live).then().statusCode(200)
                    .body("checks.find { it.name == 'rule-evaluator' }.status", equalTo("UP"));
            for (java.util.concurrent.Future<JsonPath> v : validations) {
                JsonPath r = v.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(false, r.getBoolean("valid"));
                List<String> messages = r.getList("messages.message");
                assertTrue(messages.stream().anyMatch(m -> m.contains("steps") || m.contains("overloaded")), messages.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        given().get(live).then().statusCode(200)
                .body("checks.find { it.name == 'rule-evaluator' }.data.stuckWorkers", equalTo(0));
    }

    /** A version that a rule author created and nobody activated does not exist for anonymous callers. */
    @Test
    void neverActivatedVersionsServeOnlyAuthorsAndAdmins() {
        Map<String, Object> shipped = given().get("/api/v1/obligations/HANDLER_IDENTITY").then().statusCode(200)
                .extract().jsonPath().getMap("");
        String drl = ((String) shipped.get("drl")).replace("政策", "本政策");
        int created = author().body(obligation("HANDLER_IDENTITY", drl)).header("If-Match", ObligationTags.latest("HANDLER_IDENTITY"))
                .put("/api/v1/obligations/HANDLER_IDENTITY")
                .then().statusCode(200).extract().jsonPath().getInt("ruleSetVersion");
        int active = given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.active == true }.version");
        assertTrue(created != active, "the new version is not active");
        Map<String, Object> body = Map.of("text", dev.policygate.Corpus.read(dev.policygate.Corpus.government().get(3)),
                "ruleSetVersion", created);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Rule set version " + created + " does not exist."));
        given().contentType(ContentType.JSON).body(Map.of("facts", List.of(), "ruleSetVersion", created))
                .post("/api/v1/evaluations").then().statusCode(404);
        author().body(body).post("/api/v1/assessments").then().statusCode(201)
                .body("ruleSetVersion", equalTo(created));
        given().contentType(ContentType.JSON).body(Map.of("text", body.get("text"), "ruleSetVersion", active))
                .post("/api/v1/assessments").then().statusCode(201);
    }

    /** Activation takes JSON or no body: a cross-site form post cannot activate a version. */
    @Test
    void activationRefusesAFormPost() {
        int active = given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.active == true }.version");
        given().auth().preemptive().basic("admin", "admin").contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").post("/api/v1/rulesets/" + active + "/activate").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "admin").post("/api/v1/rulesets/" + active + "/activate")
                .then().statusCode(200);
    }
}
