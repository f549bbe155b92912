package dev.policygate.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** After the restart: what the first application stored is there, and the packs were not stored twice. */
@QuarkusTest
@TestProfile(RestartProfiles.SecondStart.class)

class RestartSecondRunTest {
    @Test
    void readsWhatTheFirstRunWrote() throws IOException {
        String[] written = Files.readString(RestartProfiles.WRITTEN).split("\n");
        given().get("/api/v1/assessments/" + written[0]).then().statusCode(200)
                .body("title", equalTo("restart"));
        int versions = given().get("/api/v1/rulesets").then().statusCode(200).extract().jsonPath().getList("").size();
        assertEquals(Integer.parseInt(written[1]), versions, "a restart must not store the rule packs again");
    }
}
