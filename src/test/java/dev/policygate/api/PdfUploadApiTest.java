package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygate.ingest.TestPdfs;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A PDF upload over HTTP: read in a child reader; a hostile one is a 422 problem+json after the configured time
 * ({@code %test.policygate.max-pdf-seconds=5}), stores nothing, and the next PDF is assessed.
 */
@QuarkusTest
public class PdfUploadApiTest {
    private static final String POLICY = "隐私政策\n一、我们收集的信息\n我们收集您的手机号码，用于账号注册和登录。\n"
            + "二、联系我们\n如您有任何疑问，请发送邮件至 privacy@example.com 与我们联系。";

    private static long storedAssessments() {
        return given().auth().preemptive().basic("reviewer", "reviewer").queryParam("size", 1)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void aHostilePdfIsStoppedAndStoresNothingAndTheNextPdfIsAssessed() throws IOException {
        long before = storedAssessments();
        given().multiPart("file", "policy.pdf", TestPdfs.withFontMapRange("0000000000", "007FFFFFFE"),
                        "application/pdf")
                .post("/api/v1/assessments")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Unreadable PDF"))
                .body("detail", equalTo("Reading the PDF took longer than 5 s and was stopped (a damaged or "
                        + "hostile file?)."));
        assertEquals(before, storedAssessments());

        given().multiPart("file", "policy.pdf", TestPdfs.pdf(POLICY), "application/pdf")
                .post("/api/v1/assessments")
                .then().statusCode(201)
                .body("facts.type", hasItem("Contact"));
        assertEquals(before + 1, storedAssessments());
    }
}
