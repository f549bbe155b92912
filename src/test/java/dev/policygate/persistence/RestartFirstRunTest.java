package dev.policygate.persistence;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes an assessment before the restart; {@link RestartSecondRunTest} reads it after. */
@QuarkusTest
@TestProfile(RestartProfiles.FirstStart.class)

class RestartFirstRunTest {
    @Test
    void writeAnAssessment() throws IOException {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("text", "本政策由测试科技有限公司（以下简称“我们”）制定。", "title", "restart"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getString("id");
        int versions = given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath().getList("").size();
        Files.writeString(RestartProfiles.WRITTEN, id + "\n" + versions);
    }
}
