package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/comparisons} (two texts, two assessment ids, an app's two newest), the app history and
 * remediations in the API: on findings, on obligations, edited and versioned with them.
 */
@QuarkusTest
public class ComparisonApiTest {
    /** Policy 003 of the corpus (read on use, so a missing corpus skips the test rather than failing the class). */
    static String policy() {
        return Corpus.read("003_c0a6ceb5a7d8050c.txt");
    }

    /** 003 without the paragraph under the last 八、如何联系我们 heading (the first is in the table of contents). */
    static String withoutContact() {
        List<String> lines = new ArrayList<>(List.of(policy().split("\n", -1)));
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("八、如何联系我们")) {
                heading = i;
            }
        }
        lines.remove(heading + 1);
        return String.join("\n", lines);
    }

    static Set<String> flipped(JsonPath c) {
        return new TreeSet<>(c.getList("flipped.obligationId", String.class));
    }

    @Test
    void twoTextsThenTheirIdsThenTheAppCompareAlikeAndTheHistoryHasBoth() {
        String app = "cn.gov.test-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("beforeText", policy(), "afterText", withoutContact(),
                "title", "国务院客户端", "appId", app, "beforeLabel", "2024-01", "afterLabel", "2024-02"));
        JsonPath byText = given().contentType(ContentType.JSON).body(body).post("/api/v1/comparisons")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("HANDLER_CONTACT", "RESPONSE_DEADLINE"), flipped(byText));
        assertTrue(byText.getBoolean("regression"));
        assertEquals(2, byText.getInt("sentences.removed"));
        assertEquals("REMOVED", byText.getString("flipped.find { it.obligationId == 'HANDLER_CONTACT' }.causes[0].kind"));
        assertTrue(byText.getString("flipped.find { it.obligationId == 'HANDLER_CONTACT' }.causes[0].before.text")
                .contains("app@mail.gov.cn"));
        assertEquals("八、如何联系我们",
                byText.getString("flipped.find { it.obligationId == 'HANDLER_CONTACT' }.causes[0].before.section"));
        assertEquals(byText.getInt("before.ruleSetVersion"), byText.getInt("after.ruleSetVersion"));
        String before = byText.getString("before.assessmentId");
        String after = byText.getString("after.assessmentId");
        // both texts were assessed and stored, with the app and their labels
        JsonPath stored = given().get("/api/v1/assessments/" + after).then().statusCode(200).extract().jsonPath();
        assertEquals(app, stored.getString("appId"));
        assertEquals("2024-02", stored.getString("versionLabel"));

        JsonPath byId = given().contentType(ContentType.JSON).body(Map.of("before", before, "after", after))
                .post("/api/v1/comparisons").then().statusCode(200).extract().jsonPath();
        assertEquals(flipped(byText), flipped(byId));
        assertEquals(byText.getList("changes"), byId.getList("changes"));

        JsonPath byApp = given().contentType(ContentType.JSON).body(Map.of("appId", app))
                .post("/api/v1/comparisons").then().statusCode(200).extract().jsonPath();
        assertEquals(before, byApp.getString("before.assessmentId"));
        assertEquals(after, byApp.getString("after.assessmentId"));

        JsonPath history = given().get("/api/v1/apps/" + app + "/assessments").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(before, after), history.getList("assessments.id", String.class));
        assertEquals(List.of("2024-01", "2024-02"), history.getList("assessments.versionLabel", String.class));
        assertTrue(history.getDouble("assessments[1].score") < history.getDouble("assessments[0].score"));
    }

    @Test
    void badComparisonsAreProblems() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/comparisons").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("before", UUID.randomUUID().toString()))
                .post("/api/v1/comparisons").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("before", UUID.randomUUID().toString(),
                "after", UUID.randomUUID().toString())).post("/api/v1/comparisons").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("before", "x", "after", "y", "beforeText", "a",
                "afterText", "b")).post("/api/v1/comparisons").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("beforeText", "", "afterText", "政策"))
                .post("/api/v1/comparisons").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("appId", "no.such.app-" + UUID.randomUUID()))
                .post("/api/v1/comparisons").then().statusCode(404);
        given().get("/api/v1/apps/no.such.app-" + UUID.randomUUID() + "/assessments").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", policy(), "appId", "bad app id!"))
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void findingsCarryRemediationsAndAuthorsEditThemWithTheObligation() {
        JsonPath a = AssessmentApiTest.assess(policy(), "003");
        Map<String, Object> address = a.getMap("findings.find { it.obligationId == 'HANDLER_ADDRESS' }");
        assertEquals("NOT_MET", address.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> fix = (Map<String, Object>) address.get("remediation");
        assertEquals("联系地址：{通信地址}。", fix.get("clause"));
        assertNotNull(a.get("findings.find { it.obligationId == 'RIGHT_COPY' }.remediation.filled"));
        assertNull(a.get("findings.find { it.obligationId == 'HANDLER_IDENTITY' }.remediation"), "MET: no fix");

        JsonPath o = given().get("/api/v1/obligations/HANDLER_ADDRESS").then().statusCode(200).extract().jsonPath();
        assertEquals("联系地址：{通信地址}。", o.getString("remediation.clauseZh"));
        Map<String, Object> update = new HashMap<>(o.getMap(""));
        update.remove("revision");
        Map<String, Object> remediation = new HashMap<>(o.getMap("remediation"));
        remediation.put("clauseZh", "本公司的办公地址：{通信地址}。");
        update.put("remediation", remediation);
        int version = given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .body(update).header("If-Match", ObligationTags.latest("HANDLER_ADDRESS"))
                .put("/api/v1/obligations/HANDLER_ADDRESS").then().statusCode(200)
                .extract().jsonPath().getInt("ruleSetVersion");
        assertEquals("本公司的办公地址：{通信地址}。", given().get("/api/v1/obligations/HANDLER_ADDRESS?ruleSetVersion=" + version)
                .then().statusCode(200).extract().jsonPath().getString("remediation.clauseZh"));
        // a model clause that does not meet the obligation is refused, like a failing rule test
        remediation.put("clauseZh", "我们重视您的隐私。");
        given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON).body(update)
                .header("If-Match", ObligationTags.latest("HANDLER_ADDRESS")).put("/api/v1/obligations/HANDLER_ADDRESS").then().statusCode(422)
                .contentType("application/problem+json");
        remediation.put("clauseZh", "地址：{未知占位符}。");
        given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON).body(update)
                .header("If-Match", ObligationTags.latest("HANDLER_ADDRESS")).put("/api/v1/obligations/HANDLER_ADDRESS").then().statusCode(422);
    }
}
