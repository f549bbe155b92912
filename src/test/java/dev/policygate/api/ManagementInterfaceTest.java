package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the API documentation answer on the management port only; the OpenAPI document names the
 * ways to authenticate and the problem answers; the service's own meters are on the metrics endpoint.
 */
@QuarkusTest
class ManagementInterfaceTest {
    /** Relative to the management interface's root path, {@code /q}. */
    @TestHTTPResource(value = "/health", management = true)
    URL management;

    private String managementUrl(String path) {
        return "http://" + management.getHost() + ":" + management.getPort() + path;
    }

    @Test
    void healthMetricsAndDocsAreOnTheManagementPortOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi",
                "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
            given().get(managementUrl(path)).then().statusCode(200);
        }
        assertTrue(management.getPort() > 0);
    }

    @Test
    void theOpenApiDocumentNamesTheSchemesAndTheProblemAnswers() {
        JsonPath doc = given().accept(ContentType.JSON).get(managementUrl("/q/openapi")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", doc.getString("components.securitySchemes.basic.type"));
        assertEquals("basic", doc.getString("components.securitySchemes.basic.scheme"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals(java.util.List.of("title", "status"), doc.getList("components.schemas.Problem.required"));
        String post = "paths.'/api/v1/assessments'.post.responses";
        for (String status : OpenApiDocumentation.PROBLEMS.keySet()) {
            assertEquals("#/components/schemas/Problem",
                    doc.getString(post + ".'" + status + "'.content.'application/problem+json'.schema.$ref"), status);
        }
        assertTrue(doc.getMap(post).containsKey("201") || doc.getMap(post).containsKey("200"),
                "the success answer stays: " + doc.getMap(post).keySet());
    }

    @Test
    void gateDecisionsAndEvaluatorGaugesAreScraped() {
        double before = counter(scrape(), "pass") + counter(scrape(), "fail");
        given().contentType(ContentType.JSON).body(Map.of("text", "今天天气很好。\n我们去公园散步吧。"))
                .post("/api/v1/gate").then().statusCode(200).body("decision", equalTo("FAIL"));
        String metrics = scrape();
        assertEquals(before + 1, counter(metrics, "pass") + counter(metrics, "fail"), 0.0);
        assertTrue(counter(metrics, "fail") >= 1);
        for (String pool : new String[] {"assessment", "authoring"}) {
            assertEquals(0.0, gauge(metrics, "policygate_evaluator_queue_depth", pool), 0.0);
            assertEquals(0.0, gauge(metrics, "policygate_evaluator_stuck_workers", pool), 0.0);
        }
    }

    private String scrape() {
        return given().get(managementUrl("/q/metrics")).then().statusCode(200).extract().asString();
    }

    private static double counter(String metrics, String decision) {
        Matcher m = Pattern.compile("(?m)^policygate_gate_decisions_total\\{[^}]*decision=\"" + decision
                + "\"[^}]*\\} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "counter for " + decision + " registered at start");
        return Double.parseDouble(m.group(1));
    }

    private static double gauge(String metrics, String name, String pool) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*pool=\"" + pool + "\"[^}]*\\} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " for " + pool);
        return Double.parseDouble(m.group(1));
    }
}
