package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a 4xx problem+json a person can act on, and stores nothing. */
@QuarkusTest
public class BadInputTest {

    private static long storedAssessments() {
        return given().get("/api/v1/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    private static ValidatableResponse postJson(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/assessments").then();
    }

    @Test
    void emptyAndWhitespaceTextAreRejected() {
        long before = storedAssessments();
        problem(postJson("{\"text\": \"\"}"), 400).body("detail", containsString("empty"));
        problem(postJson("{\"text\": \"  \\n\\t \\u3000 \"}"), 400);
        problem(postJson("{}"), 400);
        assertEquals(before, storedAssessments());
    }

    @Test
    void aPolicyThatIsNotChineseIsRejectedAndATraditionalOneIsRead() {
        long before = storedAssessments();
        String english = "Privacy Policy\n1. Information We Collect\nWe collect your name, e-mail address and phone"
                + " number when you register an account.\n2. Contact Us\nWrite to privacy@example.com.";
        problem(given().contentType(ContentType.JSON).body(Map.of("text", english)).post("/api/v1/assessments")
                .then(), 422).body("title", equalTo("Not a Chinese policy"))
                .body("detail", containsString("Chinese characters"));
        assertEquals(before, storedAssessments());
        String traditional = "一、我們如何收集您的個人資訊\n當您註冊帳號時，我們會收集您的手機號碼，用於向您發送驗證碼。";
        given().contentType(ContentType.JSON).body(Map.of("text", traditional)).post("/api/v1/extractions")
                .then().statusCode(200)
                .body("normalizedText", equalTo("一、我们如何收集您的个人信息\n当您注册帐号时，我们会收集您的手机号码，用于向您发送验证码。"))
                .body("facts.find { it.type == 'DataCollection' }.citations[0].quote", containsString("手机号码"));
    }

    @Test
    void textOverTheLimitIsRejected() {
        long before = storedAssessments();
        String huge = "个人信息".repeat(525_000);
        given().contentType(ContentType.JSON).body(Map.of("text", huge))
                .when().post("/api/v1/assessments")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most"));
        assertEquals(before, storedAssessments());
    }

    @Test
    void jsonOfTooManyTokensIsRejectedBeforeItBecomesObjects() {
        long before = storedAssessments();
        // a million tiny permissions (4 MB): the parser stops at the token limit, before the 2,000-item check
        String items = "\"a\",".repeat(1_000_000) + "\"a\"";
        problem(postJson("{\"text\": \"一、我们收集的信息\", \"appProfile\": {\"permissions\": [" + items + "]}}"), 413)
                .body("title", equalTo("JSON too large"))
                .body("detail", containsString("1000000"));
        problem(given().contentType(ContentType.JSON).body("{\"text\": \"一、我们收集的信息\", \"require\": [" + items + "]}")
                .when().post("/api/v1/gate").then(), 413);
        assertEquals(before, storedAssessments());
        // the same request under the limit is read, and refused by the profile's own check
        String fewer = "\"a\",".repeat(2_000) + "\"a\"";
        problem(postJson("{\"text\": \"一、我们收集的信息\", \"appProfile\": {\"permissions\": [" + fewer + "]}}"), 400)
                .body("detail", containsString("at most 2000"));
    }

    @Test
    void malformedJsonIsRejected() {
        problem(postJson("{\"text\": \"abc"), 400);
        problem(postJson("[1,2"), 400);
        problem(postJson("{\"text\": 12, \"ruleSetVersion\": \"x\"}"), 400);
    }

    @Test
    void unknownFormatIsRejected() {
        problem(postJson("{\"text\": \"本政策适用于测试应用。\", \"format\": \"docx\"}"), 400)
                .body("detail", containsString("docx"));
    }

    @Test
    void unknownAssessmentIdIsNotFound() {
        problem(given().get("/api/v1/assessments/00000000-0000-0000-0000-000000000000").then(), 404);
        problem(given().get("/api/v1/assessments/not-a-uuid").then(), 404);
    }

    @Test
    void unknownRuleSetVersionIsNotFoundAndStoresNothing() {
        long before = storedAssessments();
        problem(postJson("{\"text\": \"本政策适用于测试应用。\", \"ruleSetVersion\": 9999}"), 404)
                .body("detail", containsString("9999"));
        problem(given().get("/api/v1/rulesets/9999").then(), 404);
        assertEquals(before, storedAssessments());
    }

    @Test
    void unknownObligationIsNotFound() {
        problem(given().get("/api/v1/obligations/NO_SUCH_OBLIGATION").then(), 404);
        problem(given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .body("{\"titleZh\":\"x\",\"titleEn\":\"x\",\"severity\":\"minor\",\"drl\":\"x\"}")
                .put("/api/v1/obligations/NO_SUCH_OBLIGATION").then(), 404);
        problem(given().auth().preemptive().basic("author", "author")
                .delete("/api/v1/obligations/NO_SUCH_OBLIGATION").then(), 404);
    }

    @Test
    void badPagingIsRejected() {
        problem(given().queryParam("size", 0).get("/api/v1/assessments").then(), 400);
        problem(given().queryParam("page", -1).get("/api/v1/assessments").then(), 400);
    }

    @Test
    void evaluationWithoutFactsIsRejected() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/evaluations").then(), 400);
        problem(given().contentType(ContentType.JSON).body("{\"facts\":[{\"type\":\"NoSuchFact\"}]}")
                .post("/api/v1/evaluations").then(), 400);
    }
}
