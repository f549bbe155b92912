package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile DRL sent over the API is refused by the sandbox with a problem naming it, and nothing is stored. */
@QuarkusTest
public class RuleSandboxApiTest {
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
        author().body(obligation("HANDLER_IDENTITY", drl)).put("/api/v1/obligations/HANDLER_IDENTITY")
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
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'rule-evaluator' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rule-evaluator' }.data.stuckWorkers", equalTo(0));
    }

    @Test
    void validateReportsTheSandboxMessages() {
        author().body(obligation("TEST_HOSTILE", HOSTILE)).post("/api/v1/rulesets/validate")
                .then().statusCode(200).body("valid", equalTo(false))
                .body("messages.findAll { it.message.contains('System is not allowed') }.size()", equalTo(1));
    }
}
