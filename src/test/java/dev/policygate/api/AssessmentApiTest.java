package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class AssessmentApiTest {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;


    public static JsonPath assess(String text, String title) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "format", "text", "title", title))
                .when().post("/api/v1/assessments")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/assessments/"))
                .contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    @Test
    void everyCorpusPolicyGetsAVerdictWhoseCitationsQuoteTheText() {
        for (Path p : Corpus.government()) {
            JsonPath body = assess(Corpus.read(p), p.getFileName().toString());
            assertTrue(List.of("COMPLIANT", "NEEDS_REVISION", "NON_COMPLIANT").contains(body.getString("verdict")));
            double score = body.getDouble("score");
            assertTrue(score >= 0 && score <= 100, "score " + score);
            assertTrue(body.getList("findings").size() >= 3, "findings of " + p);
            for (Map<String, Object> f : body.<Map<String, Object>>getList("findings")) {
                assertTrue(List.of("MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE").contains(f.get("status")));
                boolean cites = !((List<?>) f.get("citations")).isEmpty();
                boolean saysWhere = !((List<?>) f.get("lookedIn")).isEmpty();
                if ("MET".equals(f.get("status"))) {
                    assertTrue(cites, f.get("obligationId") + " is MET but cites nothing");
                }
                if ("PARTIAL".equals(f.get("status"))) {
                    // PARTIAL can mean "found part" (cite it) or "found nothing of the rest" (say where we looked)
                    assertTrue(cites || saysWhere, f.get("obligationId") + " is PARTIAL with no evidence");
                }
                assertTrue(!((String) f.get("rationale")).isBlank() && !((String) f.get("rationaleEn")).isBlank());
            }
            assertTrue(CitationAssert.assertInvariant(body) > 0, "no citations for " + p);
        }
    }

    @Test
    void storedAssessmentReadsBackExactly() {
        String text = Corpus.read("003_c0a6ceb5a7d8050c.txt");
        JsonPath created = assess(text, "国务院客户端");
        String id = created.getString("id");
        JsonPath read = given().when().get("/api/v1/assessments/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(created.getString("normalizedText"), read.getString("normalizedText"));
        assertEquals(created.getList("findings"), read.getList("findings"));
        assertEquals(created.getList("facts"), read.getList("facts"));
        assertEquals(created.getDouble("score"), read.getDouble("score"));
        assertEquals("国务院客户端", read.getString("title"));
        assertEquals(64, read.getString("documentSha256").length());
    }

    @Test
    void sameTextAndVersionGiveTheSameResult() {
        String text = Corpus.read("001_c2f1ede221b5ad37.txt");
        JsonPath a = assess(text, "a");
        JsonPath b = assess(text, "b");
        assertEquals(a.getList("findings"), b.getList("findings"));
        assertEquals(a.getDouble("score"), b.getDouble("score"));
        assertEquals(a.getString("verdict"), b.getString("verdict"));
        assertEquals(a.getString("documentSha256"), b.getString("documentSha256"));
    }

    @Test
    void multipartUploadIsAssessed() {
        given().multiPart("file", Corpus.dir().resolve("004_3ec8ba16defe998b.txt").toFile(), "text/plain")
                .multiPart(new MultiPartSpecBuilder("陕西养老保险").controlName("title")
                        .charset(StandardCharsets.UTF_8).build())
                .when().post("/api/v1/assessments")
                .then().statusCode(201)
                .body("title", equalTo("陕西养老保险"))
                .body("verdict", notNullValue());
    }

    @Test
    void listIsNewestFirstAndPaged() {
        String first = assess("本隐私政策由测试有限公司发布。联系电话：010-12345678。", "older").getString("id");
        String second = assess("本隐私政策由另一测试有限公司发布。", "newer").getString("id");
        JsonPath page = given().queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(second, first), page.getList("items.id"));
        assertTrue(page.getLong("total") >= 2);
        given().queryParam("size", 1).when().get("/api/v1/assessments")
                .then().statusCode(200).body("items.size()", is(1));
    }

    @Test
    void extractionReturnsFactsAndSectionsWithoutStoring() {
        long before = given().get("/api/v1/assessments").then().extract().jsonPath().getLong("total");
        given().contentType(ContentType.JSON).body(Map.of("text", Corpus.read("003_c0a6ceb5a7d8050c.txt")))
                .when().post("/api/v1/extractions")
                .then().statusCode(200)
                .body("normalizedText", containsString("国务院客户端隐私政策"))
                .body("sections.size()", greaterThanOrEqualTo(5))
                .body("facts.type", hasItems("DocumentSection"));
        long after = given().get("/api/v1/assessments").then().extract().jsonPath().getLong("total");
        assertEquals(before, after);
    }

    @Test
    void evaluationOfExtractedFactsMatchesTheAssessment() {
        String text = Corpus.read("000_4506dc0c0cfb357c.txt");
        JsonPath assessed = assess(text, "000");
        List<Object> facts = given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/extractions").then().statusCode(200).extract().jsonPath().getList("facts");
        JsonPath evaluated = given().contentType(ContentType.JSON).body(Map.of("facts", facts))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertEquals(assessed.getDouble("score"), evaluated.getDouble("score"));
        assertEquals(assessed.getString("verdict"), evaluated.getString("verdict"));
        assertEquals(assessed.getList("findings"), evaluated.getList("findings"));
    }

    @Test
    void metricsCountAssessmentsByVerdictAndTimeEachStep() {
        String verdict = assess("本隐私政策由测试科技有限公司制定。", "metrics").getString("verdict");
        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("policygate_assessments_total{verdict=\"" + verdict + "\"}"), "count by verdict");
        assertTrue(metrics.contains("policygate_assessment_duration_seconds_bucket"), "latency histogram");
        assertTrue(metrics.contains("policygate_extraction_duration_seconds_count"), "extraction time");
        assertTrue(metrics.contains("policygate_evaluation_duration_seconds_count"), "evaluation time");
        assertTrue(metrics.contains("policygate_rules_compile_duration_seconds"), "compile time");
        assertTrue(metrics.matches("(?s).*policygate_ruleset_active_version(\\{[^}]*\\})? [1-9].*"), "active version");
    }
}
