package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer to POST /api/v1/assessments: the full report (what GET returns) or ?view=summary. */
@QuarkusTest
class AssessmentViewsTest {
    private static final String TEXT = Corpus.read(Corpus.sample("weibo.txt"));

    private static long stored() {
        return given().get("/api/v1/assessments?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theFullAnswerIsTheStoredAssessment() {
        Response posted = given().contentType(ContentType.JSON).body(Map.of("text", TEXT, "title", "views full"))
                .post("/api/v1/assessments");
        assertEquals(201, posted.statusCode(), posted.asString());
        assertTrue(posted.contentType().startsWith("application/json"), posted.contentType());
        String location = posted.header("Location");
        JsonPath fromPost = posted.jsonPath();
        JsonPath fromGet = given().get(location).then().statusCode(200).extract().jsonPath();
        for (String field : List.of("id", "title", "documentSha256", "ruleSetVersion", "score", "verdict",
                "normalizedText", "findings", "facts")) {
            assertEquals((Object) fromGet.get(field), fromPost.get(field), field);
        }
        assertTrue(fromPost.getString("normalizedText").length() > 10_000, "the whole normalised text");
        assertTrue(fromPost.getList("facts").size() > 50, "facts of a whole policy");
        // Chinese text arrives as UTF-8, not mangled by the single encoding step
        assertTrue(new String(posted.asByteArray(), StandardCharsets.UTF_8).contains("个人信息"));
    }

    @Test
    void theSummaryIsTheVerdictAndEachObligationsStatusOfTheStoredAssessment() {
        Response posted = given().contentType(ContentType.JSON).body(Map.of("text", TEXT, "title", "views summary"))
                .post("/api/v1/assessments?view=summary");
        assertEquals(201, posted.statusCode(), posted.asString());
        JsonPath summary = posted.jsonPath();
        JsonPath full = given().get(posted.header("Location")).then().statusCode(200).extract().jsonPath();
        assertEquals(full.getString("verdict"), summary.getString("verdict"));
        assertEquals(full.getDouble("score"), summary.getDouble("score"));
        assertEquals(full.getList("findings.obligationId"), summary.getList("findings.obligationId"));
        assertEquals(full.getList("findings.status"), summary.getList("findings.status"));
        assertFalse(posted.asString().contains("normalizedText") || posted.asString().contains("\"facts\""));
        assertTrue(posted.asByteArray().length * 20 < full.prettify().getBytes(StandardCharsets.UTF_8).length,
                "summary " + posted.asByteArray().length + " bytes");
    }

    @Test
    void anUnknownViewIs400AndStoresNothing() {
        long before = stored();
        given().contentType(ContentType.JSON).body(Map.of("text", TEXT)).post("/api/v1/assessments?view=tiny")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", org.hamcrest.Matchers.containsString("view must be full (the default) or summary"));
        assertEquals(before, stored());
    }
}
