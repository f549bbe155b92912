package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A DRL (or tests) over policygate.rules.max-drl-bytes is 413, a version over max-obligations 422; nothing stored. */
@QuarkusTest
@TestProfile(RuleSourceLimitsTest.SmallLimits.class)
class RuleSourceLimitsTest {
    /** Limits small enough to reach in a test: 4 KiB of DRL, and no room for one more obligation. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policygate.rules.max-drl-bytes", "4096", "policygate.rules.max-obligations", "1");
        }
    }

    private static RequestSpecification author() {
        return given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON);
    }

    private static Map<String, Object> obligation(String id, String drl) {
        return new HashMap<>(Map.of("id", id, "titleZh", "限制", "titleEn", "Limits", "area", "B",
                "severity", "minor", "conditional", false, "drl", drl));
    }

    /** A valid DRL padded with comments past 4 KiB: only its size is wrong. */
    private static String oversized(String id) {
        return RuleSetApiTest.drlFor(id) + "// padding\n".repeat(400);
    }

    @Test
    void oversizedDrlIs413OnCreateUpdateAndValidate() {
        String id = "TEST_BIG_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int versions = ObligationTags.latestVersion();
        author().body(obligation(id, oversized(id))).post("/api/v1/obligations").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("4096"));
        author().body(obligation(id, oversized(id))).post("/api/v1/rulesets/validate").then().statusCode(413)
                .contentType("application/problem+json");
        author().header("If-Match", ObligationTags.latest("HANDLER_IDENTITY"))
                .body(obligation("HANDLER_IDENTITY", oversized("HANDLER_IDENTITY")))
                .put("/api/v1/obligations/HANDLER_IDENTITY").then().statusCode(413);
        Map<String, Object> bigTests = obligation(id, RuleSetApiTest.drlFor(id));
        bigTests.put("tests", "x".repeat(4097));
        author().body(bigTests).post("/api/v1/rulesets/validate").then().statusCode(413)
                .body("detail", containsString("tests"));
        assertEquals(versions, ObligationTags.latestVersion(), "nothing stored");
    }

    @Test
    void aVersionOverTheObligationLimitIs422() {
        String id = "TEST_MANY_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int versions = ObligationTags.latestVersion();
        author().body(obligation(id, RuleSetApiTest.drlFor(id))).post("/api/v1/obligations").then().statusCode(422)
                .contentType("application/problem+json").body("title", containsString("Too many obligations"));
        assertEquals(versions, ObligationTags.latestVersion(), "nothing stored");
    }
}
