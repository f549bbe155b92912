package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule-set versions: edits make new versions, old versions stay re-runnable, bad DRL is refused. */
@QuarkusTest
public class RuleSetApiTest {
    private static final String DRL = """
            package policygate.test;

            import dev.policygate.facts.*;

            rule "%1$s met"
            when
                $h : Handler()
            then
                insert(Finding.met("%1$s", "找到处理者名称。", "The handler is named.", $h.citations()));
            end

            rule "%1$s not met"
            when
                not Handler()
            then
                insert(Finding.notMet("%1$s", "未找到处理者名称。", "No handler name found.", java.util.List.of()));
            end
            """;

    /** A valid obligation's DRL for {@code id}: met when the handler is named. */
    static String drlFor(String id) {
        return DRL.formatted(id);
    }

    private static RequestSpecification author() {
        return given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON);
    }

    private static Map<String, Object> obligation(String id, String drl) {
        return Map.of("id", id, "titleZh", "测试义务", "titleEn", "Test obligation", "area", "B",
                "severity", "minor", "conditional", false, "drl", drl);
    }

    private static int activeVersion() {
        return given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(v -> Boolean.TRUE.equals(v.get("active")))
                .map(v -> (Integer) v.get("version")).findFirst().orElseThrow();
    }

    private static int versionCount() {
        return given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath().getList("").size();
    }

    @Test
    void editingCreatesAVersionAndOlderVersionsStayReRunnable() {
        String text = Corpus.read("003_c0a6ceb5a7d8050c.txt");
        int before = activeVersion();
        JsonPath original = AssessmentApiTest.assess(text, "before edit");
        assertEquals(before, original.getInt("ruleSetVersion"));

        int created = author().body(obligation("TEST_HANDLER_NAMED", DRL.formatted("TEST_HANDLER_NAMED")))
                .post("/api/v1/obligations").then().statusCode(201)
                .body("action", equalTo("create"))
                .extract().jsonPath().getInt("ruleSetVersion");
        assertTrue(created > before);
        assertEquals(before, activeVersion(), "a new version is not active until activated");

        given().get("/api/v1/rulesets/" + created).then().statusCode(200)
                .body("obligations.obligationId", hasItem("TEST_HANDLER_NAMED"));
        given().get("/api/v1/rulesets/" + before).then().statusCode(200)
                .body("obligations.obligationId", not(hasItem("TEST_HANDLER_NAMED")));

        // a version nobody activated yet is a preview for its authors; to anyone else it does not exist
        given().contentType(ContentType.JSON).body(Map.of("text", text, "ruleSetVersion", created))
                .post("/api/v1/assessments").then().statusCode(404);
        JsonPath withNew = author().body(Map.of("text", text, "ruleSetVersion", created))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertEquals(created, withNew.getInt("ruleSetVersion"));
        assertTrue(withNew.getList("findings.obligationId").contains("TEST_HANDLER_NAMED"));

        JsonPath rerun = given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "ruleSetVersion", before))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertEquals(original.getList("findings"), rerun.getList("findings"));
        assertEquals(original.getDouble("score"), rerun.getDouble("score"));

        given().auth().preemptive().basic("admin", "admin").post("/api/v1/rulesets/" + created + "/activate")
                .then().statusCode(200).body("active", equalTo(true));
        assertEquals(created, activeVersion());
        JsonPath afterActivation = AssessmentApiTest.assess(text, "after activation");
        assertEquals(created, afterActivation.getInt("ruleSetVersion"));

        int disabled = author().header("If-Match", ObligationTags.latest("TEST_HANDLER_NAMED"))
                .delete("/api/v1/obligations/TEST_HANDLER_NAMED").then().statusCode(200)
                .body("action", equalTo("disable")).extract().jsonPath().getInt("ruleSetVersion");
        given().get("/api/v1/rulesets/" + disabled).then().statusCode(200)
                .body("obligations.obligationId", not(hasItem("TEST_HANDLER_NAMED")));
        given().auth().preemptive().basic("admin", "admin").post("/api/v1/rulesets/" + before + "/activate")
                .then().statusCode(200);
    }

    @Test
    void invalidDrlIsRejectedWithLineNumbersAndNothingIsStored() {
        int versions = versionCount();
        String broken = DRL.formatted("TEST_BROKEN").replace("$h : Handler()", "$h : Handler(name ==)");
        List<Map<String, Object>> errors = author().body(obligation("TEST_BROKEN", broken))
                .post("/api/v1/obligations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", greaterThan(0))
                .extract().jsonPath().getList("errors");
        assertTrue(errors.stream().anyMatch(e -> ((Integer) e.get("line")) == 7 && ((Integer) e.get("column")) > 0),
                "a message points at line 7 with a column: " + errors);
        assertEquals(versions, versionCount());
        given().get("/api/v1/obligations/TEST_BROKEN").then().statusCode(404);
    }

    @Test
    void validateCompilesWithoutStoring() {
        int versions = versionCount();
        author().body(obligation("TEST_VALID", DRL.formatted("TEST_VALID")))
                .post("/api/v1/rulesets/validate").then().statusCode(200).body("valid", equalTo(true));
        JsonPath invalid = author().body(obligation("TEST_VALID", "rule \"TEST_VALID x\" when then nonsense( end"))
                .post("/api/v1/rulesets/validate").then().statusCode(200).extract().jsonPath();
        assertFalse(invalid.getBoolean("valid"));
        assertTrue(invalid.getList("messages").size() > 0);
        assertEquals(versions, versionCount());
    }

    private static final String TESTS = """
            cases:
              - name: handler named
                facts:
                  - {type: Handler, name: 示例科技有限公司, citations: [{start: 0, end: 8, section: "", quote: 示例科技有限公司}]}
                expect: %s
              - name: nobody named
                text: |
                  我们非常重视您的个人信息保护。
                expect: NOT_MET
            """;

    @Test
    void ruleTestsRunOnValidationAndFailingTestsStoreNothing() {
        Map<String, Object> passing = new java.util.HashMap<>(obligation("TEST_TESTED", DRL.formatted("TEST_TESTED")));
        passing.put("tests", TESTS.formatted("MET"));
        author().body(passing).post("/api/v1/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("tests.size()", equalTo(2))
                .body("tests.passed", not(hasItem(false)));

        int versions = versionCount();
        Map<String, Object> failing = new java.util.HashMap<>(passing);
        failing.put("tests", TESTS.formatted("NOT_MET"));
        author().body(failing).post("/api/v1/rulesets/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("tests.find { it.name == 'handler named' }.actual", equalTo("MET"));
        author().body(failing).post("/api/v1/obligations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].name", equalTo("handler named"));
        assertEquals(versions, versionCount());
    }

    @Test
    void editingNeedsTheRuleAuthorRole() {
        String body = "{\"id\":\"TEST_X\",\"titleZh\":\"x\",\"titleEn\":\"x\",\"severity\":\"minor\",\"drl\":\"x\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/obligations").then().statusCode(401);
        given().auth().preemptive().basic("reviewer", "reviewer").contentType(ContentType.JSON).body(body)
                .post("/api/v1/obligations").then().statusCode(403);
        given().auth().preemptive().basic("author", "wrong").contentType(ContentType.JSON).body(body)
                .post("/api/v1/obligations").then().statusCode(401);
        given().auth().preemptive().basic("author", "author").post("/api/v1/rulesets/1/activate")
                .then().statusCode(403);
    }

    @Test
    void obligationsAreListedWithTheirDrl() {
        given().get("/api/v1/obligations").then().statusCode(200)
                .body("id", hasItem("HANDLER_IDENTITY"))
                .body("find { it.id == 'HANDLER_IDENTITY' }.drl", containsString("rule"))
                .body("find { it.id == 'HANDLER_IDENTITY' }.severity", equalTo("CRITICAL"));
    }
}
