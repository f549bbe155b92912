package dev.policygate.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal editor saves only over the revision it loaded: an edit made meanwhile is not overwritten. */
@QuarkusTest
class PortalEditConflictTest {
    private static final String ID = "HANDLER_IDENTITY";
    private final CookieFilter cookies = new CookieFilter();

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "hidden field " + name);
        return m.group(1);
    }

    private static String latestETag() {
        int latest = given().auth().preemptive().basic("author", "author").get("/api/v1/rulesets").then()
                .extract().jsonPath().getInt("[0].version");
        return given().auth().preemptive().basic("author", "author")
                .get("/api/v1/obligations/" + ID + "?ruleSetVersion=" + latest).then().statusCode(200)
                .extract().header("ETag");
    }

    /** Saves {@code drl} with the obligation's own tests and remediation, as the editor's form sends them. */
    private Response save(String page, String drl) {
        Map<String, Object> o = given().get("/api/v1/obligations/" + ID).then().extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> remedy = o.get("remediation") == null ? Map.of()
                : (Map<String, Object>) o.get("remediation");
        // as a browser sends the form: UTF-8 (RestAssured's default for forms is ISO-8859-1, which mangles the DRL)
        var form = given().filter(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", hidden(page, "csrf")).formParam("revision", hidden(page, "revision"))
                .formParam("drl", drl).formParam("action", "save");
        Map<String, Object> fields = new HashMap<>();
        fields.put("tests", o.get("tests"));
        fields.put("remedyZh", remedy.get("zh"));
        fields.put("remedyEn", remedy.get("en"));
        fields.put("remedyClause", remedy.get("clauseZh"));
        fields.put("remedySection", remedy.get("section"));
        fields.put("remedyMatch", remedy.get("sectionMatch"));
        fields.forEach((k, v) -> {
            if (v != null) {
                form.formParam(k, v);
            }
        });
        return form.post("/obligations/" + ID + "/edit");
    }

    @Test
    void saveOverAnEditMadeMeanwhileIsRefusedWithAClearMessage() {
        given().filter(cookies).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "author").formParam("j_password", "author").post("/j_security_check")
                .then().statusCode(302);
        String page = given().filter(cookies).get("/obligations/" + ID + "/edit").then().statusCode(200)
                .extract().asString();
        assertEquals(latestETag(), "\"r" + hidden(page, "revision") + "\"", "the form carries the revision loaded");
        String drl = given().get("/api/v1/obligations/" + ID).then().extract().jsonPath().getString("drl");

        // another author saves through the API after the page was loaded
        Map<String, Object> other = new HashMap<>(given().get("/api/v1/obligations/" + ID).then().extract()
                .jsonPath().getMap(""));
        other.remove("revision");
        // unique content: an edit back to content stored before would reuse that revision (and its ETag)
        other.put("drl", "// saved by another author " + java.util.UUID.randomUUID() + "\n" + drl);
        given().auth().preemptive().basic("author", "author").contentType(ContentType.JSON)
                .header("If-Match", latestETag()).body(other).put("/api/v1/obligations/" + ID).then().statusCode(200);
        String afterOther = latestETag();

        Response refused = save(page, "// saved in the portal\n" + drl);
        assertEquals(412, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"conflict\""), "the editor explains the conflict");
        assertTrue(refused.asString().contains("// saved in the portal"), "the author's text is kept");
        assertEquals(afterOther, latestETag(), "nothing stored over the other author's edit");

        // reloaded, the editor saves over the current revision
        String reloaded = given().filter(cookies).get("/obligations/" + ID + "/edit").then().statusCode(200)
                .extract().asString();
        Response saved = save(reloaded, "// saved in the portal\n" + drl);
        assertEquals(200, saved.statusCode(), saved.asString());
        assertTrue(saved.asString().contains("id=\"saved\""));
    }
}
