package dev.policygate.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygate.report.HtmlReport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every page and API answer carries the security headers; the served HTML report has its own, stricter CSP. */
@QuarkusTest
public class SecurityHeadersTest {
    @TestHTTPResource(value = "/health/ready", management = true)
    URL health;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static void assertSecurityHeaders(Response r, String what) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
        assertEquals("same-origin", r.header("Referrer-Policy"), what);
        org.junit.jupiter.api.Assertions.assertTrue(
                String.valueOf(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'"), what);
        assertEquals(1, r.headers().getValues("Content-Security-Policy").size(), what + ": one CSP");
    }

    @Test
    void staticFilesErrorsOfEveryLayerAndTheManagementPortCarryTheHeaders() {
        Response css = given().get("/static/portal.css");
        css.then().statusCode(200).contentType(containsString("text/css"));
        assertSecurityHeaders(css, "static file");
        assertEquals(SecurityHeaders.PORTAL_CSP, css.header("Content-Security-Policy"));
        Response missing = given().get("/static/no-such-file.js");
        missing.then().statusCode(404);
        assertSecurityHeaders(missing, "unknown path");
        Response problem = given().contentType(ContentType.JSON).body("{not json").post("/api/v1/assessments");
        problem.then().statusCode(400).contentType("application/problem+json");
        assertSecurityHeaders(problem, "problem answer");
        Response unauthorized = given().get("/api/v1/audit");
        unauthorized.then().statusCode(401);
        assertSecurityHeaders(unauthorized, "authentication failure");
        Response ready = given().get(health);
        ready.then().statusCode(200);
        assertSecurityHeaders(ready, "health");
        Response scrape = given().get(metrics);
        scrape.then().statusCode(200);
        assertSecurityHeaders(scrape, "metrics");
    }

    @Test
    void portalPagesForbidFramingAndForeignScripts() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void apiAnswersAndProblemsCarryTheHeadersToo() {
        given().get("/api/v1/assessments").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/api/v1/assessments/not-a-uuid").then().statusCode(404)
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void htmlReportKeepsItsOwnPolicyWithoutScripts() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("text", "隐私政策\n<script>alert(1)</script>我们收集您的手机号码，用于注册账号。"))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Response r = given().queryParam("format", "html").get("/api/v1/assessments/" + id + "/report");
        r.then().statusCode(200).body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(1, r.headers().getValues("Content-Security-Policy").size());
        assertEquals(HtmlReport.CONTENT_SECURITY_POLICY, r.header("Content-Security-Policy"));
    }

    @Test
    void thePortalShowsAPolicysScriptAsText() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("text", "隐私政策\n<script>alert('portal')</script>我们收集您的手机号码，用于注册账号。"))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        String page = given().get("/assessments/" + id).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(page.contains("<script>alert('portal')"),
                "policy text must never become markup in the portal");
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("&lt;script&gt;alert("), "the script shows as text");
    }
}
