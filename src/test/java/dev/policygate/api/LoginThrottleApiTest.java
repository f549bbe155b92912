package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per user name (5 in 10 minutes): beyond that 429 with Retry-After, also for the
 * right password, and audited. Each test uses its own user names so other tests' logins are never throttled.
 */
@QuarkusTest
class LoginThrottleApiTest {
    private static final String STRONG = "Correct-Horse-Battery-9";

    private static String newUser() {
        String name = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", STRONG, "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(201);
        return name;
    }

    private static Response tokens(String user, String password) {
        return given().auth().preemptive().basic(user, password).get("/api/v1/tokens");
    }

    @Test
    void tenWrongPasswordsInARowGet429WithRetryAfterAndAreAudited() {
        String user = newUser();
        long before = ApiTokenTest.lastSeq();
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 10; i++) {
            last = tokens(user, "wrong-" + i);
            statuses.add(last.statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429, 429, 429, 429), statuses);
        last.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString(user));
        int retryAfter = Integer.parseInt(last.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 600, "Retry-After " + retryAfter);
        // while throttled even the right password is refused: no password is checked at all
        tokens(user, STRONG).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // others are not affected
        tokens("reviewer", "reviewer").then().statusCode(200);

        List<Map<String, Object>> throttled = ApiTokenTest.eventsAfter(before,
                e -> "login.throttled".equals(e.get("action")) && user.equals(e.get("actor")));
        assertEquals(6, throttled.size(), "five throttled wrong passwords and one right one");
        assertEquals("/api/v1/tokens", throttled.get(0).get("target"));
        assertTrue(((String) throttled.get(0).get("detail")).contains("basic auth"), throttled.get(0).toString());
    }

    @Test
    void theFormLoginIsThrottledToo() {
        String user = newUser();
        for (int i = 0; i < 5; i++) {
            form(user, "wrong-" + i).then().statusCode(302).header("Location", containsString("error"));
        }
        form(user, STRONG).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    private static Response form(String user, String password) {
        return given().contentType(ContentType.URLENC).formParam("j_username", user).formParam("j_password", password)
                .redirects().follow(false).post("/j_security_check");
    }

    @Test
    void aSuccessfulLoginClearsTheCountAndSuccessesAreNeverCounted() {
        String user = newUser();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                tokens(user, "wrong-" + i).then().statusCode(401);
            }
            tokens(user, STRONG).then().statusCode(200);
        }
        for (int i = 0; i < 30; i++) {
            tokens(user, STRONG).then().statusCode(200);
        }
        assertFalse(tokens(user, STRONG).statusCode() == 429);
    }
}
