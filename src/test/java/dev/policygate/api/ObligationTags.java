package dev.policygate.api;

import static io.restassured.RestAssured.given;

/** The ETag of an obligation in the latest rule-set version, as a rule author reads it before changing it. */
final class ObligationTags {
    private ObligationTags() {
    }

    static int latestVersion() {
        return given().auth().preemptive().basic("author", "author").get("/api/v1/rulesets").then().statusCode(200)
                .extract().jsonPath().getInt("[0].version");
    }

    static String latest(String id) {
        String tag = given().auth().preemptive().basic("author", "author")
                .get("/api/v1/obligations/" + id + "?ruleSetVersion=" + latestVersion()).then().statusCode(200)
                .extract().header("ETag");
        if (tag == null) {
            throw new AssertionError("GET /api/v1/obligations/" + id + " answered no ETag");
        }
        return tag;
    }
}
