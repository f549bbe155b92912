package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Roles, the users API and the audit log, over real HTTP on a real database. */
@QuarkusTest
public class SecurityApiTest {
    private static final String STRONG = "Correct-Horse-Battery-9";
    private static final String VALIDATE =
            "{\"id\":\"TEST_ROLE\",\"titleZh\":\"x\",\"titleEn\":\"x\",\"severity\":\"minor\",\"drl\":\"x\"}";

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as("admin", "admin");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who may do what: anonymous 401 (with a basic challenge), a missing role 403, the right role 2xx. */
    @Test
    void roleMatrix() {
        String assess = "{\"text\": \"本政策由测试科技有限公司制定。\"}";
        String obligation = "{\"id\":\"TEST_ROLE\",\"titleZh\":\"x\",\"titleEn\":\"x\",\"severity\":\"minor\",\"drl\":\"x\"}";
        record Call(String method, String path, String body) {
        }
        Call validate = new Call("POST", "/api/v1/rulesets/validate", obligation);
        Call edit = new Call("POST", "/api/v1/obligations", obligation);
        Call activate = new Call("POST", "/api/v1/rulesets/999999/activate", null);
        Call users = new Call("GET", "/api/v1/users", null);
        Call audit = new Call("GET", "/api/v1/audit", null);
        Call assessing = new Call("POST", "/api/v1/assessments", assess);
        // expected status per user: null = anonymous
        Map<String, Map<Call, Integer>> matrix = Map.of(
                "anonymous", Map.of(validate, 401, edit, 401, activate, 401, users, 401, audit, 401, assessing, 201),
                "reviewer", Map.of(validate, 403, edit, 403, activate, 403, users, 403, audit, 403, assessing, 201),
                // an author may validate (200) and edit (400: the DRL "x" does not compile)
                "author", Map.of(validate, 200, edit, 400, activate, 403, users, 403, audit, 403, assessing, 201),
                // an admin may activate (404: no such version), manage users and read the audit log
                "admin", Map.of(validate, 200, edit, 400, activate, 404, users, 200, audit, 200, assessing, 201));
        matrix.forEach((user, calls) -> calls.forEach((call, expected) -> {
            RequestSpecification spec = user.equals("anonymous") ? given().contentType(ContentType.JSON) : as(user, user);
            if (call.body() != null) {
                spec = spec.body(call.body());
            }
            Response r = spec.request(call.method(), call.path());
            assertEquals(expected, r.statusCode(), user + " " + call.method() + " " + call.path() + ": " + r.asString());
            if (expected == 401) {
                assertTrue(r.header("WWW-Authenticate").toLowerCase().startsWith("basic"),
                        "a 401 from the API challenges for basic auth");
            }
        }));
        as("author", "not-the-password").get("/api/v1/users").then().statusCode(401)
                .header("WWW-Authenticate", containsStringIgnoringCase("basic"));
    }

    @Test
    void adminsManageUsersWithBcryptHashesAndEveryChangeIsAudited() throws Exception {
        String name = unique("alice-");
        long before = lastSeq();
        // weak passwords, unknown roles and bad names are refused with a problem
        admin().body(Map.of("username", name, "password", "short", "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Weak password"));
        admin().body(Map.of("username", name, "password", STRONG, "roles", List.of("superuser")))
                .post("/api/v1/users").then().statusCode(400).body("detail", containsString("superuser"));
        admin().body(Map.of("username", "bad name!", "password", STRONG, "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(400).body("title", equalTo("Invalid username"));

        admin().body(Map.of("username", name, "password", STRONG, "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(201).header("Location", containsString("/api/v1/users/" + name))
                .body("roles", equalTo(List.of("reviewer"))).body("passwordHash", equalTo(null));
        admin().body(Map.of("username", name, "password", STRONG, "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(409);
        assertTrue(storedHash(name).startsWith("$2a$10$"), "stored as a bcrypt hash, never the password");

        // a reviewer is authenticated (403, not 401) but may not validate rules
        as(name, STRONG).body("{}").post("/api/v1/rulesets/validate").then().statusCode(403);
        admin().body(Map.of("roles", List.of("rule-author", "reviewer"))).put("/api/v1/users/" + name)
                .then().statusCode(200).body("roles", equalTo(List.of("reviewer", "rule-author")));
        as(name, STRONG).body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(200);

        // a new password replaces the old one at once (no stale cached check)
        String next = STRONG + "-next";
        admin().body(Map.of("password", next)).put("/api/v1/users/" + name).then().statusCode(200);
        as(name, STRONG).body("{}").post("/api/v1/rulesets/validate").then().statusCode(401);
        as(name, next).body(VALIDATE).post("/api/v1/rulesets/validate").then().statusCode(200);

        admin().delete("/api/v1/users/" + name).then().statusCode(204);
        as(name, next).body("{}").post("/api/v1/rulesets/validate").then().statusCode(401);
        admin().get("/api/v1/users/" + name).then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/v1/users/" + name).then().statusCode(404);

        List<Map<String, Object>> events = eventsAfter(before, e -> name.equals(e.get("target")));
        assertEquals(List.of("user.create", "user.update", "user.update", "user.delete"),
                events.stream().map(e -> e.get("action")).toList());
        events.forEach(e -> assertEquals("admin", e.get("actor")));
        assertNull(events.get(0).get("beforeSha256"));
        assertEquals(events.get(0).get("afterSha256"), events.get(1).get("beforeSha256"));
        assertNull(events.get(3).get("afterSha256"));
        assertTrue(verify().getBoolean("valid"));
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemoted() {
        List<Map<String, Object>> users = admin().get("/api/v1/users").then().statusCode(200).extract().jsonPath().getList("");
        long admins = users.stream().filter(u -> ((List<?>) u.get("roles")).contains("admin")).count();
        if (admins == 1) {
            admin().delete("/api/v1/users/admin").then().statusCode(409).body("title", equalTo("Last admin"));
            admin().body(Map.of("roles", List.of("reviewer"))).put("/api/v1/users/admin").then().statusCode(409);
        }
        String second = unique("root-");
        admin().body(Map.of("username", second, "password", STRONG, "roles", List.of("admin")))
                .post("/api/v1/users").then().statusCode(201);
        as(second, STRONG).delete("/api/v1/users/" + second).then().statusCode(204);
        admin().get("/api/v1/users").then().body("username", hasItem("admin"));
    }

    @Test
    void obligationChangesActivationsAndLoginsAreAuditedWithHashes() throws Exception {
        long before = lastSeq();
        String id = "TEST_AUDIT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String drl = RuleSetApiTest.drlFor(id);
        int version = as("author", "author").body(Map.of("id", id, "titleZh", "审计", "titleEn", "Audit", "area", "B",
                "severity", "minor", "conditional", false, "drl", drl)).post("/api/v1/obligations")
                .then().statusCode(201).extract().jsonPath().getInt("ruleSetVersion");
        as("author", "author").body(Map.of("id", id, "titleZh", "审计二", "titleEn", "Audit 2", "area", "B",
                "severity", "minor", "conditional", false, "drl", drl)).header("If-Match", ObligationTags.latest(id))
                .put("/api/v1/obligations/" + id)
                .then().statusCode(200);
        int active = given().get("/api/v1/rulesets").then().extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(v -> Boolean.TRUE.equals(v.get("active")))
                .map(v -> (Integer) v.get("version")).findFirst().orElseThrow();
        admin().post("/api/v1/rulesets/" + active + "/activate").then().statusCode(200);
        as("mallory", "guess-" + id).get("/api/v1/audit").then().statusCode(401);
        // the portal's form login
        given().contentType(ContentType.URLENC).formParam("j_username", "reviewer").formParam("j_password", "reviewer")
                .redirects().follow(false).post("/j_security_check").then().statusCode(302);

        List<Map<String, Object>> changes = eventsAfter(before, e -> id.equals(e.get("target")));
        assertEquals(List.of("obligation.create", "obligation.update"), changes.stream().map(e -> e.get("action")).toList());
        assertEquals("author", changes.get(0).get("actor"));
        assertNull(changes.get(0).get("beforeSha256"));
        assertEquals(changes.get(0).get("afterSha256"), changes.get(1).get("beforeSha256"));
        assertFalse(changes.get(1).get("afterSha256").equals(changes.get(1).get("beforeSha256")));
        assertEquals("rule-set version " + version, changes.get(0).get("detail"));

        Map<String, Object> activation = eventsAfter(before, e -> "ruleset.activate".equals(e.get("action"))).get(0);
        assertEquals("admin", activation.get("actor"));
        assertEquals("rule-set version " + active, activation.get("target"));
        assertNotNull(activation.get("afterSha256"));

        // login events are written asynchronously
        Map<String, Object> failure = awaitEvent(before, e -> "login.failure".equals(e.get("action"))
                && "mallory".equals(e.get("actor")));
        assertEquals("/api/v1/audit", failure.get("target"));
        awaitEvent(before, e -> "login.success".equals(e.get("action")) && "reviewer".equals(e.get("actor")));
        assertTrue(verify().getBoolean("valid"));
    }

    @Test
    void editingAStoredEventBreaksTheChainAndVerifyNamesIt() throws Exception {
        admin().body(Map.of("username", unique("chain-"), "password", STRONG, "roles", List.of("reviewer")))
                .post("/api/v1/users").then().statusCode(201);
        long seq = lastSeq();
        String original;
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("select actor from audit_event where seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                original = rs.getString(1);
            }
        }
        try {
            setActor(seq, "someone-else");
            JsonPath broken = verify();
            assertFalse(broken.getBoolean("valid"));
            assertEquals(seq, broken.getLong("firstBrokenSeq"));
            assertTrue(broken.getString("problem").contains("changed"));
        } finally {
            setActor(seq, original);
        }
        assertTrue(verify().getBoolean("valid"));
        admin().get("/api/v1/audit?limit=0").then().statusCode(400).contentType("application/problem+json");
    }

    private void setActor(long seq, String actor) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update audit_event set actor = ? where seq = ?")) {
            update.setString(1, actor);
            update.setLong(2, seq);
            assertEquals(1, update.executeUpdate());
        }
    }

    private String storedHash(String user) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("select password_hash from app_user where username = ?")) {
            read.setString(1, user);
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static JsonPath verify() {
        return admin().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    private static long lastSeq() {
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = admin().get("/api/v1/audit?limit=1000&after=" + after).then()
                    .statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return after;
            }
            after = ((Number) page.get(page.size() - 1).get("seq")).longValue();
        }
    }

    private static List<Map<String, Object>> eventsAfter(long after, Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> page = admin().get("/api/v1/audit?limit=1000&after=" + after).then()
                .statusCode(200).extract().jsonPath().getList("");
        return page.stream().filter(which).toList();
    }

    private static Map<String, Object> awaitEvent(long after, Predicate<Map<String, Object>> which)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> found = eventsAfter(after, which);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such audit event within 10 s");
    }
}
