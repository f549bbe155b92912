package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * policygate.max-json-tokens bounds request bodies only: a policy whose facts are far more tokens than the limit is
 * assessed and read back whole, while a body of those facts is refused with a 413.
 */
@QuarkusTest
@TestProfile(JsonLimitsTest.FewTokens.class)
class JsonLimitsTest {
    /** Small enough that the facts of one corpus policy (thousands of tokens) exceed it. */
    public static class FewTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("policygate.max-json-tokens", "2000");
        }
    }

    @Test
    void storedFactsReadBackWhileTheSameFactsAsABodyAre413() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("text", Corpus.read("001_c2f1ede221b5ad37.txt"), "title", "穗好办"))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        List<Object> facts = created.getList("facts");
        assertTrue(facts.size() > 50, "a corpus policy gives many facts: " + facts.size());

        JsonPath read = given().get("/api/v1/assessments/" + created.getString("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(facts, read.getList("facts"));
        assertEquals(created.getList("findings"), read.getList("findings"));

        // the same facts sent back are over the limit: the 413 shows they exceed what a body may hold
        given().contentType(ContentType.JSON).body(Map.of("facts", facts))
                .when().post("/api/v1/evaluations").then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("JSON too large"))
                .body("detail", containsString("2000"));
    }
}
