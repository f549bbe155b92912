package dev.policygate.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With policygate.assess-requires-login=true, assessing needs a user; reading health does not. */
@QuarkusTest
@TestProfile(LoginRequiredTest.RequireLogin.class)
class LoginRequiredTest {
    /** Health answers on the management interface, without a login whatever the API requires. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    public static class RequireLogin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policygate.assess-requires-login", "true");
        }
    }

    @Test
    void assessingNeedsALogin() {
        String body = "{\"text\": \"本政策由测试科技有限公司制定。\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/extractions").then().statusCode(401);
        given().auth().preemptive().basic("reviewer", "reviewer").contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(201);
        given().get(ready).then().statusCode(200);
    }

    /** Of API tokens, only those with the scope assess may assess; an invalid token is refused. */
    @Test
    void assessingWithATokenNeedsTheAssessScope() {
        String body = "{\"text\": \"本政策由测试科技有限公司制定。\"}";
        String assess = token(List.of("assess"));
        String author = token(List.of("author"));
        given().header("Authorization", "Bearer " + assess).contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(201);
        given().header("Authorization", "Bearer " + author).contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(403);
        given().header("Authorization", "Bearer " + author).contentType(ContentType.JSON).body(body)
                .post("/api/v1/gate").then().statusCode(403);
        given().header("Authorization", "Bearer pgt_unknown").contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments").then().statusCode(401).contentType("application/problem+json");
    }

    private static String token(List<String> scopes) {
        return given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .body(Map.of("name", "login-required " + scopes, "scopes", scopes)).post("/api/v1/tokens")
                .then().statusCode(201).extract().jsonPath().getString("secret");
    }
}
