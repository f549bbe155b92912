package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every endpoint that answers 201 names the created resource in Location, and a GET of it answers that resource. */
@QuarkusTest
public class CreatedLocationTest {
    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    /** The 201's Location, checked to answer the created resource ({@code field} equal to {@code value}). */
    private static void locationAnswers(Response created, String user, String field, Object value) {
        created.then().statusCode(201);
        String location = created.header("Location");
        assertNotNull(location, "201 without Location: " + created.asString());
        as(user).get(location).then().statusCode(200).body(field, equalTo(value));
    }

    @Test
    void assessmentAsJson() {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("text", Corpus.read("003_c0a6ceb5a7d8050c.txt"))).post("/api/v1/assessments");
        locationAnswers(r, "reviewer", "id", r.jsonPath().getString("id"));
    }

    @Test
    void assessmentAsUpload() {
        Response r = given().multiPart("file", Corpus.file("004_").toFile(), "text/plain")
                .post("/api/v1/assessments");
        locationAnswers(r, "reviewer", "id", r.jsonPath().getString("id"));
    }

    @Test
    void user() {
        String name = "loc-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = as("admin").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "Correct-Horse-Battery-9", "roles", List.of("reviewer")))
                .post("/api/v1/users");
        locationAnswers(r, "admin", "username", name);
    }

    @Test
    void obligation() {
        String id = "TEST_LOCATION_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Response r = as("author").contentType(ContentType.JSON).body(Map.of("id", id, "titleZh", "位置",
                "titleEn", "Location", "area", "B", "severity", "minor", "conditional", false,
                "drl", RuleSetApiTest.drlFor(id))).post("/api/v1/obligations");
        locationAnswers(r, "author", "id", id);
        as("author").header("If-Match", r.header("ETag")).delete("/api/v1/obligations/" + id).then().statusCode(200);
    }
}
