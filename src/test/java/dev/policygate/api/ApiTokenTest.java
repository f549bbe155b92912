package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import dev.policygate.Corpus;
import dev.policygate.cli.Cli;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** API tokens for CI: made with a password, used as a bearer token, capped by the user's roles, revocable. */
@QuarkusTest
class ApiTokenTest {
    private static final String STRONG = "Correct-Horse-Battery-9";
    private static final String POLICY = "{\"text\": \"本政策由测试科技有限公司制定。\"}";
    private static final String VALIDATE =
            "{\"id\":\"TEST_TOKEN\",\"titleZh\":\"x\",\"titleEn\":\"x\",\"severity\":\"minor\",\"drl\":\"x\"}";

    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    private static RequestSpecification bearer(String secret) {
        return given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath create(String user, String password, Map<String, Object> body) {
        return as(user, password).body(body).post("/api/v1/tokens").then().statusCode(201)
                .header("Location", containsString("/api/v1/tokens/")).extract().jsonPath();
    }

    private static String newUser(List<String> roles) {
        String name = unique("ci-");
        as("admin", "admin").body(Map.of("username", name, "password", STRONG, "roles", roles))
                .post("/api/v1/users").then().statusCode(201);
        return name;
    }

    @Test
    void anAssessTokenAssessesButMayNotEditRules() {
        JsonPath token = create("author", "author", Map.of("name", "ci pipeline", "scopes", List.of("assess")));
        String secret = token.getString("secret");
        assertTrue(secret.matches("pgt_[A-Za-z0-9_-]{43}"), secret);
        assertEquals(List.of("assess"), token.getList("scopes"));

        bearer(secret).body(POLICY).post("/api/v1/assessments").then().statusCode(201);
        bearer(secret).body(POLICY).post("/api/v1/gate").then().statusCode(200).body("decision", org.hamcrest.Matchers.oneOf("PASS", "FAIL"));
        bearer(secret).body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(403)
                .contentType("application/problem+json");
        bearer(secret).body(VALIDATE).post("/api/v1/obligations").then().statusCode(403)
                .contentType("application/problem+json");
        // the same user with a password may edit: the token, not the user, is what is limited
        as("author", "author").body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(200);
    }

    /** The command line's --token: CI assesses through the service without a password. */
    @Test
    void theCliAssessesThroughTheServiceWithAToken() {
        JsonPath token = create("reviewer", "reviewer", Map.of("name", "cli", "scopes", List.of("assess")));
        String policy = Corpus.government().get(3).toString();
        Cli.Run run = Cli.run("check", policy, "--server", base.toString(), "--token", token.getString("secret"),
                "--fail-on-verdict", "NONE");
        assertEquals(0, run.code(), run.toString());
        as("reviewer", "reviewer").delete("/api/v1/tokens/" + token.getLong("id")).then().statusCode(204);
        Cli.Run revoked = Cli.run("check", policy, "--server", base.toString(), "--token", token.getString("secret"));
        assertEquals(2, revoked.code(), revoked.toString());
        assertTrue(revoked.out().contains("401") && revoked.out().contains("Invalid API token"), revoked.out());
    }

    @Test
    void anAuthorTokenEditsObligations() {
        String secret = create("author", "author", Map.of("name", "rules repo", "scopes", List.of("assess", "author")))
                .getString("secret");
        String id = "TEST_TOKEN_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        bearer(secret).body(Map.of("id", id, "titleZh", "令牌", "titleEn", "Token", "area", "B", "severity", "minor",
                "conditional", false, "drl", RuleSetApiTest.drlFor(id))).post("/api/v1/obligations")
                .then().statusCode(201);
        given().get("/api/v1/obligations/" + id + "?ruleSetVersion=" + latestVersion()).then().statusCode(200);
        bearer(secret).get("/api/v1/users").then().statusCode(403);
        bearer(secret).post("/api/v1/rulesets/1/activate").then().statusCode(403);
    }

    @Test
    void revokedExpiredAndUnknownTokensGet401ProblemJson() throws Exception {
        JsonPath token = create("reviewer", "reviewer", Map.of("name", "to revoke", "scopes", List.of("assess")));
        String secret = token.getString("secret");
        long id = token.getLong("id");
        bearer(secret).get("/api/v1/tokens").then().statusCode(200);
        // another user's token: 403 to its owner's peers, 404 when it does not exist
        as("author", "author").delete("/api/v1/tokens/" + id).then().statusCode(403).contentType("application/problem+json");
        as("reviewer", "reviewer").delete("/api/v1/tokens/999999999").then().statusCode(404);
        as("reviewer", "reviewer").delete("/api/v1/tokens/" + id).then().statusCode(204);
        expect401(bearer(secret).body(POLICY).post("/api/v1/assessments"));
        as("reviewer", "reviewer").get("/api/v1/tokens/" + id).then().statusCode(200).body("revokedAt", startsWith("20"));

        String expiring = create("reviewer", "reviewer", Map.of("name", "to expire", "scopes", List.of("assess"),
                "expiresInDays", 1)).getString("secret");
        bearer(expiring).get("/api/v1/tokens").then().statusCode(200);
        try (Connection c = dataSource.getConnection();
             PreparedStatement expire = c.prepareStatement(
                     "update api_token set expires_at = created_at - interval '1' day where token_hash = ?")) {
            expire.setString(1, sha256(expiring));
            assertEquals(1, expire.executeUpdate());
        }
        expect401(bearer(expiring).get("/api/v1/tokens"));
        expect401(bearer("pgt_" + "A".repeat(43)).body(POLICY).post("/api/v1/assessments"));
        expect401(bearer("not-a-policygate-token").get("/api/v1/tokens"));
    }

    private static void expect401(Response r) {
        r.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body("title", equalTo("Invalid API token"))
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        JsonPath token = create("author", "author", Map.of("name", "shown once", "scopes", List.of("assess")));
        String secret = token.getString("secret");
        long id = token.getLong("id");
        String listed = as("author", "author").get("/api/v1/tokens").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) id)).extract().asString();
        String one = as("author", "author").get("/api/v1/tokens/" + id).then().statusCode(200)
                .body("name", equalTo("shown once")).extract().asString();
        String all = as("admin", "admin").get("/api/v1/tokens").then().statusCode(200).extract().asString();
        for (String body : List.of(listed, one, all)) {
            assertFalse(body.contains(secret) || body.contains(secret.substring(4)), "no secret in " + body);
            assertFalse(body.contains(sha256(secret)), "no hash in " + body);
            assertFalse(body.contains("\"secret\""), body);
        }
        // an admin lists one user's tokens; others may not look at them
        as("admin", "admin").get("/api/v1/tokens?user=author").then().statusCode(200)
                .body("user", org.hamcrest.Matchers.everyItem(equalTo("author")));
        as("reviewer", "reviewer").get("/api/v1/tokens?user=author").then().statusCode(403);
        as("reviewer", "reviewer").get("/api/v1/tokens/" + id).then().statusCode(403);
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("select token_hash from api_token where id = ?")) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(sha256(secret), rs.getString(1));
            }
        }
    }

    @Test
    void scopesBeyondTheUsersRolesAreRefused() {
        problem(as("reviewer", "reviewer").body(Map.of("name", "x", "scopes", List.of("assess", "author")))
                .post("/api/v1/tokens"), 400, "Scopes beyond roles");
        problem(as("author", "author").body(Map.of("name", "x", "scopes", List.of("admin")))
                .post("/api/v1/tokens"), 400, "Scopes beyond roles");
        problem(as("author", "author").body(Map.of("name", "x", "scopes", List.of("root")))
                .post("/api/v1/tokens"), 400, "Invalid scopes");
        problem(as("author", "author").body(Map.of("name", "x", "scopes", List.of())).post("/api/v1/tokens"),
                400, "Invalid scopes");
        problem(as("author", "author").body(Map.of("name", "x", "scopes", List.of("assess"), "expiresInDays", 366))
                .post("/api/v1/tokens"), 400, "Invalid expiry");
        problem(as("author", "author").body(Map.of("scopes", List.of("assess"))).post("/api/v1/tokens"),
                400, "Invalid token name");
        // only an admin makes tokens for others, and then within that user's roles
        problem(as("author", "author").body(Map.of("name", "x", "scopes", List.of("assess"), "user", "reviewer"))
                .post("/api/v1/tokens"), 403, "Forbidden");
        problem(as("admin", "admin").body(Map.of("name", "x", "scopes", List.of("author"), "user", "reviewer"))
                .post("/api/v1/tokens"), 400, "Scopes beyond roles");
        create("admin", "admin", Map.of("name", "for reviewer", "scopes", List.of("assess"), "user", "reviewer"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("assess")))
                .post("/api/v1/tokens").then().statusCode(401).contentType("application/problem+json");
    }

    private static void problem(Response r, int status, String title) {
        r.then().statusCode(status).contentType("application/problem+json").body("title", equalTo(title));
    }

    @Test
    void aTokenNeverGrantsMoreThanItsUserHasNow() {
        String user = newUser(List.of("reviewer", "rule-author"));
        String secret = create(user, STRONG, Map.of("name", "editor", "scopes", List.of("assess", "author")))
                .getString("secret");
        bearer(secret).body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(200);
        // a token cannot make tokens (it would outlive its own revocation)
        problem(bearer(secret).body(Map.of("name", "child", "scopes", List.of("assess"))).post("/api/v1/tokens"),
                403, "Password needed");
        as("admin", "admin").body(Map.of("roles", List.of("reviewer"))).put("/api/v1/users/" + user)
                .then().statusCode(200);
        bearer(secret).body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(403);
        bearer(secret).body(POLICY).post("/api/v1/assessments").then().statusCode(201);
        as("admin", "admin").delete("/api/v1/users/" + user).then().statusCode(204);
        expect401(bearer(secret).body(POLICY).post("/api/v1/assessments"));
    }

    @Test
    void creatingAndRevokingAreAudited() {
        long before = lastSeq();
        long id = create("author", "author", Map.of("name", "audited", "scopes", List.of("assess"))).getLong("id");
        as("admin", "admin").delete("/api/v1/tokens/" + id).then().statusCode(204);
        List<Map<String, Object>> events = eventsAfter(before, e -> ("token " + id).equals(e.get("target")));
        assertEquals(List.of("token.create", "token.revoke"), events.stream().map(e -> e.get("action")).toList());
        assertEquals("author", events.get(0).get("actor"));
        assertEquals("admin", events.get(1).get("actor"));
        assertTrue(((String) events.get(0).get("detail")).contains("scopes assess"), events.get(0).toString());
    }

    static long lastSeq() {
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = as("admin", "admin").get("/api/v1/audit?limit=1000&after=" + after)
                    .then().statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return after;
            }
            after = ((Number) page.get(page.size() - 1).get("seq")).longValue();
        }
    }

    static List<Map<String, Object>> eventsAfter(long after, Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> page = as("admin", "admin").get("/api/v1/audit?limit=1000&after=" + after).then()
                .statusCode(200).extract().jsonPath().getList("");
        return page.stream().filter(which).toList();
    }

    private static int latestVersion() {
        return given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath()
                .<Integer>getList("version").stream().max(Integer::compare).orElseThrow();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
