package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.cli.Cli;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST /api/v1/gate, GET /api/v1/assessments/{id}/report and the CLI against the running service. */
@QuarkusTest
class GateApiTest {
    @TestHTTPResource("/")
    URL base;

    static final String NONSENSE = "今天天气很好。<script>alert(1)</script>\n我们去公园散步吧。";

    @Test
    void waiversAndABaselineInTheRequestBody() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        Map<String, Object> waiver = Map.of("obligation", "HANDLER_IDENTITY", "files", "nonsense*",
                "reason", "handler named in the app store listing", "owner", "legal@example.com", "expires", today);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", NONSENSE, "title", "nonsense.txt", "require", List.of("HANDLER_IDENTITY"),
                        "failOnVerdict", "NONE", "waivers", List.of(waiver)))
                .when().post("/api/v1/gate")
                .then().statusCode(200)
                .body("decision", equalTo("PASS"))
                .body("accepted.find { it.obligationId == 'HANDLER_IDENTITY' }.by", equalTo("WAIVER"))
                .body("accepted.find { it.obligationId == 'HANDLER_IDENTITY' }.until", equalTo(today))
                .body("failed.obligationId", org.hamcrest.Matchers.not(hasItem("HANDLER_IDENTITY")));
        Map<String, Object> expired = new java.util.HashMap<>(waiver);
        expired.put("expires", yesterday);
        given().contentType(ContentType.JSON)
                .body(Map.of("text", NONSENSE, "title", "nonsense.txt", "require", List.of("HANDLER_IDENTITY"),
                        "failOnVerdict", "NONE", "waivers", List.of(expired)))
                .when().post("/api/v1/gate")
                .then().statusCode(200)
                .body("decision", equalTo("FAIL"))
                .body("reasons", hasItem(containsString("its waiver expired on " + yesterday)));

        long before = given().get("/api/v1/assessments?size=1").then().extract().jsonPath().getLong("total");
        given().contentType(ContentType.JSON)
                .body(Map.of("text", NONSENSE, "waivers", List.of(Map.of("obligation", "HANDLER_IDENTITY",
                        "reason", "later", "owner", "me"))))
                .when().post("/api/v1/gate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("expiry date"));
        long after = given().get("/api/v1/assessments?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(before, after, "nothing stored for a bad waiver");

        // a baseline: the plain gate fails the unrelated text; compared with its own earlier assessment it passes
        Map<String, Object> baseline = given().contentType(ContentType.JSON).body(Map.of("text", NONSENSE))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getMap("");
        given().contentType(ContentType.JSON).body(Map.of("text", NONSENSE))
                .when().post("/api/v1/gate").then().statusCode(200).body("decision", equalTo("FAIL"));
        given().contentType(ContentType.JSON).body(Map.of("text", NONSENSE, "baseline", baseline))
                .when().post("/api/v1/gate")
                .then().statusCode(200)
                .body("decision", equalTo("PASS"))
                .body("accepted.by", hasItem("BASELINE"));
    }

    @Test
    void passFailAndUnknownRequirement() {
        String policy = Corpus.read(Corpus.government().get(3));
        // the verdict left out and no threshold: PASS whatever the extractors find
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("text", policy, "title", "国务院客户端", "failUnder", 0, "failOnVerdict", "NONE"))
                .when().post("/api/v1/gate")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("decision", equalTo("PASS"))
                .body("score", notNullValue())
                .body("verdict", notNullValue())
                .body("assessmentId", notNullValue())
                .extract().path("assessmentId");
        // stored for audit
        given().when().get("/api/v1/assessments/" + id).then().statusCode(200).body("title", equalTo("国务院客户端"));

        // unrelated text: NON_COMPLIANT, and the required obligation is NOT_MET
        given().contentType(ContentType.JSON)
                .body(Map.of("text", NONSENSE, "require", List.of("HANDLER_IDENTITY")))
                .when().post("/api/v1/gate")
                .then().statusCode(200)
                .body("decision", equalTo("FAIL"))
                .body("verdict", equalTo("NON_COMPLIANT"))
                .body("failed.obligationId", hasItem("HANDLER_IDENTITY"))
                .body("failed.find { it.obligationId == 'HANDLER_IDENTITY' }.required", equalTo(true))
                .body("reasons", hasItem("required HANDLER_IDENTITY is NOT_MET"));

        // a threshold alone fails it too, as multipart
        given().multiPart("file", "policy.txt", NONSENSE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .multiPart("failUnder", "99.5").multiPart("failOnVerdict", "NONE")
                .when().post("/api/v1/gate")
                .then().statusCode(200).body("decision", equalTo("FAIL"))
                .body("reasons[0]", containsString("below 99.5"));

        long before = given().get("/api/v1/assessments?size=1").then().extract().jsonPath().getLong("total");
        given().contentType(ContentType.JSON)
                .body(Map.of("text", policy, "require", List.of("HANDLER_IDENTITY", "NO_SUCH_ID")))
                .when().post("/api/v1/gate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NO_SUCH_ID"))
                .body("errors", equalTo(List.of("NO_SUCH_ID")));
        given().contentType(ContentType.JSON).body(Map.of("text", policy, "failUnder", 101))
                .when().post("/api/v1/gate").then().statusCode(400);
        long after = given().get("/api/v1/assessments?size=1").then().extract().jsonPath().getLong("total");
        assertEquals(before, after, "nothing stored when the request is refused");
    }

    @Test
    void storedAssessmentAsEveryReportFormat() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Map.of("text", NONSENSE, "title", "t <b>"))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        String sarif = given().get("/api/v1/assessments/" + id + "/report?format=sarif")
                .then().statusCode(200).contentType("application/sarif+json").extract().asString();
        assertEquals(Set.of(), Fixtures.sarifErrors(JsonReport.MAPPER.readTree(sarif)));
        given().get("/api/v1/assessments/" + id + "/report?format=junit")
                .then().statusCode(200).contentType("application/xml").body(containsString("<testsuites"));
        given().get("/api/v1/assessments/" + id + "/report?format=markdown")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("| score | verdict |"));
        String html = given().get("/api/v1/assessments/" + id + "/report?format=html")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        given().get("/api/v1/assessments/" + id + "/report")
                .then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(id));
        given().get("/api/v1/assessments/" + id + "/report?format=docx")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/assessments/00000000-0000-0000-0000-000000000000/report?format=sarif")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void cliAgainstTheServer() throws Exception {
        Path dir = Files.createTempDirectory("gate-cli");
        Path nonsense = dir.resolve("nonsense.txt");
        Files.writeString(nonsense, NONSENSE);
        Path sarif = dir.resolve("out.sarif");
        Cli.Run run = Cli.run("check", Corpus.government().get(3).toString(), nonsense.toString(),
                "--server", base.toString(), "--user", "reviewer", "--password", "reviewer",
                "--format", "sarif", "-o", sarif.toString());
        assertEquals(1, run.code(), run.toString());
        JsonNode doc = JsonReport.MAPPER.readTree(sarif.toFile());
        assertEquals(Set.of(), Fixtures.sarifErrors(doc));
        assertEquals(2, doc.at("/runs/0/properties/policies").size());
        String assessmentId = doc.at("/runs/0/properties/policies/0/assessmentId").asText();
        given().get("/api/v1/assessments/" + assessmentId).then().statusCode(200);

        Cli.Run pass = Cli.run("check", Corpus.government().get(3).toString(), "--server", base.toString(),
                "--fail-on-verdict", "NONE");
        assertEquals(0, pass.code(), pass.toString());

        Cli.Run unknown = Cli.run("check", nonsense.toString(), "--server", base.toString(), "--require", "NOPE");
        assertEquals(2, unknown.code(), unknown.toString());

        Cli.Run down = Cli.run("check", nonsense.toString(), "--server", "http://127.0.0.1:9/");
        assertEquals(2, down.code(), down.toString());
        assertTrue(down.out().contains("cannot reach"), down.out());
    }
}
