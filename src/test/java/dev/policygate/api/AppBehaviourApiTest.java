package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over real HTTP: the aapt-built APK (location, camera, contacts; Bugly and AMap location) assessed with
 * corpus policy 002. Policy 002 asks for the location and camera permissions with purposes and names no SDK.
 */
@QuarkusTest
class AppBehaviourApiTest {
    static final Path APK = Path.of("src/test/resources/apk/location-camera-contacts.apk");

    private static Path policy002() {
        return Corpus.government().stream().filter(p -> p.getFileName().toString().startsWith("002_")).findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> findings(JsonPath body, String id) {
        return body.getList("findings.findAll { it.obligationId == '" + id + "' }");
    }

    private static Map<String, Object> subject(List<Map<String, Object>> fs, String subject) {
        return fs.stream().filter(f -> subject.equals(f.get("subject"))).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + subject + " in " + fs));
    }

    @Test
    @SuppressWarnings("unchecked")
    void apkWithPolicy002GivesOneFindingPerPermissionAndSdk() {
        JsonPath body = given().multiPart("file", policy002().toFile()).multiPart("apk", APK.toFile())
                .multiPart("title", "天府通办 + APK")
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        CitationAssert.assertInvariant(body);
        String text = body.getString("normalizedText");

        List<Map<String, Object>> perms = findings(body, "APP_PERMISSION_PURPOSE");
        assertEquals(3, perms.size(), "one finding per dangerous permission (INTERNET is not one): " + perms);
        for (String disclosed : List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA")) {
            Map<String, Object> f = subject(perms, disclosed);
            assertEquals("MET", f.get("status"), disclosed);
            List<Map<String, Object>> cites = (List<Map<String, Object>>) f.get("citations");
            assertFalse(cites.isEmpty(), disclosed + " cites the policy");
            for (Map<String, Object> c : cites) {
                assertEquals(c.get("quote"), text.substring((Integer) c.get("start"), (Integer) c.get("end")));
            }
        }
        assertTrue(((List<Map<String, Object>>) subject(perms, "android.permission.CAMERA").get("citations")).stream()
                .anyMatch(c -> ((String) c.get("quote")).contains("相机权限")));
        Map<String, Object> contacts = subject(perms, "android.permission.READ_CONTACTS");
        assertEquals("NOT_MET", contacts.get("status"));
        assertTrue(((String) contacts.get("rationale")).contains("android.permission.READ_CONTACTS"));

        List<Map<String, Object>> sdks = findings(body, "APP_SDK_DISCLOSED");
        assertEquals(2, sdks.size(), "one finding per SDK: " + sdks);
        for (String prefix : List.of("com.tencent.bugly", "com.amap.api.location")) {
            Map<String, Object> f = subject(sdks, prefix);
            assertEquals("NOT_MET", f.get("status"), prefix);
            assertTrue(((String) f.get("rationale")).contains(prefix), (String) f.get("rationale"));
        }
        assertTrue(body.getList("facts.findAll { it.type == 'AppSdk' }").size() == 2);
    }

    @Test
    void textOnlyAssessmentKeepsTheAppObligationsNotApplicable() throws IOException {
        JsonPath body = given().multiPart("file", policy002().toFile()).when().post("/api/v1/assessments")
                .then().statusCode(201).extract().jsonPath();
        List<String> statuses = body.getList("findings.findAll { it.obligationId.startsWith('APP_') }.status");
        assertEquals(List.of("NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE"), statuses);
    }

    @Test
    void appProfileAsJsonIsAssessedAndValidated() {
        Map<String, Object> profile = Map.of("packageName", "org.example.app", "targetSdkVersion", 33,
                "permissions", List.of("android.permission.READ_CONTACTS"), "sdks", List.of("umeng"),
                "dataFlows", List.of(Map.of("sdk", "jpush", "data", List.of("位置信息"))));
        JsonPath body = given().contentType(ContentType.JSON)
                .body(Map.of("text", Corpus.read(policy002()), "appProfile", profile))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        Map<String, Object> contacts = subject(findings(body, "APP_PERMISSION_PURPOSE"), "android.permission.READ_CONTACTS");
        assertEquals("NOT_MET", contacts.get("status"));
        assertTrue(((String) contacts.get("rationale")).contains("运行时"), "targetSdkVersion 33: asked at run time");
        assertEquals(2, findings(body, "APP_SDK_DISCLOSED").size());

        long before = total();
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "一、我们收集的信息\n注册时您需要提供手机号码。", "appProfile",
                        Map.of("permissions", List.of("bad permission!"), "sdks", List.of("no-such-sdk"))))
                .when().post("/api/v1/assessments").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("no-such-sdk"));
        given().multiPart("file", policy002().toFile()).multiPart("appProfile", "{not json")
                .when().post("/api/v1/assessments").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        // two million permissions would be parsed whole before the 2,000-item check: refused by size first
        String huge = "{\"permissions\":[" + "\"a\",".repeat(AppInputs.MAX_PROFILE_CHARS / 4) + "\"a\"]}";
        given().multiPart("file", policy002().toFile()).multiPart("appProfile", huge)
                .when().post("/api/v1/assessments").then().statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("detail", equalTo("The app profile has " + huge.length() + " characters; at most "
                        + AppInputs.MAX_PROFILE_CHARS + " are accepted."));
        assertEquals(before, total(), "nothing stored");
    }

    private static long total() {
        return given().get("/api/v1/assessments?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static byte[] zip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(data);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void hostileApksAreProblemsAndStoreNothing() throws IOException {
        long before = total();
        Map<String, byte[]> hostile = Map.of(
                "not-a-zip.apk", "这不是APK".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "bomb.apk", zip("assets/zeros", new byte[64 << 20]),
                "traversal.apk", zip("../../etc/passwd", new byte[] {1}),
                "no-manifest.apk", zip("classes.dex", new byte[] {1, 2, 3}));
        for (Map.Entry<String, byte[]> e : hostile.entrySet()) {
            int status = given().multiPart("file", policy002().toFile()).multiPart("apk", e.getKey(), e.getValue())
                    .when().post("/api/v1/assessments").then()
                    .contentType(containsString("application/problem+json")).extract().statusCode();
            assertTrue(status >= 400 && status < 500, e.getKey() + " → " + status);
        }
        given().multiPart("file", policy002().toFile()).multiPart("apk", APK.toFile()).multiPart("appProfile", "{}")
                .when().post("/api/v1/assessments").then().statusCode(400).body("title", equalTo("Two app descriptions"));
        assertEquals(before, total(), "nothing stored");
    }

    @Test
    void portalTakesAnApkAndShowsTheEntryOfEachFinding() {
        String page = given().cookie("pg_csrf", "c".repeat(64)).get("/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"apk\""), "the submit form has an APK field");
        String token = page.replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]{64})\".*", "$1");
        String location = given().redirects().follow(false).cookie("pg_csrf", "c".repeat(64)).multiPart("csrf", token)
                .multiPart("file", policy002().toFile()).multiPart("apk", APK.toFile())
                .post("/assess").then().statusCode(303).extract().header("Location");
        String report = given().get(location).then().statusCode(200).extract().asString();
        assertTrue(report.contains("<code class=\"subject\">android.permission.READ_CONTACTS</code>"), "report names the entry");
        assertTrue(report.contains("<code class=\"subject\">com.tencent.bugly</code>"));
        given().redirects().follow(false).cookie("pg_csrf", "c".repeat(64)).multiPart("csrf", token)
                .multiPart("file", policy002().toFile()).multiPart("apk", "x.apk", "not a zip".getBytes())
                .post("/assess").then().statusCode(415).body(containsString("id=\"form-error\""));
    }

    /** A policy that says it never reads the contacts, and otherwise refuses location only conditionally. */
    private static String deniesContacts() {
        return Corpus.read(policy002()) + "\n本应用不会获取您的通讯录。未经您同意，我们不会收集您的位置信息。\n";
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDenialThatAPermissionBeliesIsNotMetAndCitesTheDenial() {
        Map<String, Object> profile = Map.of("packageName", "org.example.app", "targetSdkVersion", 33,
                "permissions", List.of("android.permission.READ_CONTACTS", "android.permission.ACCESS_FINE_LOCATION"));
        JsonPath body = given().contentType(ContentType.JSON).body(Map.of("text", deniesContacts(), "appProfile", profile))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        CitationAssert.assertInvariant(body);
        List<Map<String, Object>> fs = findings(body, "APP_NO_CONTRADICTED_DENIAL");
        assertEquals(1, fs.size(), "only the contacts are denied unconditionally: " + fs);
        Map<String, Object> contacts = subject(fs, "android.permission.READ_CONTACTS");
        assertEquals("NOT_MET", contacts.get("status"));
        String rationale = (String) contacts.get("rationale");
        assertTrue(rationale.contains("android.permission.READ_CONTACTS") && rationale.contains("运行时"), rationale);
        List<Map<String, Object>> cites = (List<Map<String, Object>>) contacts.get("citations");
        assertEquals(List.of("本应用不会获取您的通讯录。"), cites.stream().map(c -> c.get("quote")).toList());
        assertEquals(Map.of("type", "AppInfo", "packageName", "org.example.app", "targetSdkVersion", 33,
                "citations", List.of()), body.getList("facts.findAll { it.type == 'AppInfo' }").get(0));

        JsonPath consistent = given().contentType(ContentType.JSON)
                .body(Map.of("text", deniesContacts(), "appProfile", Map.of("permissions", List.of("CAMERA"))))
                .when().post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("MET"), consistent.getList(
                "findings.findAll { it.obligationId == 'APP_NO_CONTRADICTED_DENIAL' }.status"));
    }

    @Test
    void portalReportShowsTheAppPanel() throws IOException {
        Path policy = Files.createTempFile("policy-denies-contacts", ".txt");
        Files.writeString(policy, deniesContacts());
        String page = given().cookie("pg_csrf", "c".repeat(64)).get("/").then().statusCode(200).extract().asString();
        String token = page.replaceAll("(?s).*name=\"csrf\" value=\"([0-9a-f]{64})\".*", "$1");
        String location = given().redirects().follow(false).cookie("pg_csrf", "c".repeat(64)).multiPart("csrf", token)
                .multiPart("file", policy.toFile()).multiPart("apk", APK.toFile())
                .post("/assess").then().statusCode(303).extract().header("Location");
        Files.delete(policy);
        String report = given().header("Accept-Language", "en").get(location).then().statusCode(200).extract().asString();
        Document html = Jsoup.parse(report);
        Element panel = html.getElementById("app-panel");
        assertTrue(panel != null, "the report has an app panel");
        assertEquals("org.example.tianfu", panel.getElementById("app-package").text());
        String manifest = Files.readString(Path.of("src/test/resources/apk/location-camera-contacts/AndroidManifest.xml"));
        String target = panel.getElementById("app-target-sdk").text();
        assertTrue(manifest.contains("android:targetSdkVersion=\"" + target + "\""), target);

        Element contacts = panel.selectFirst("tr[data-permission=android.permission.READ_CONTACTS]");
        assertFalse(contacts.select("td.dangerous").text().isEmpty(), "READ_CONTACTS is marked dangerous");
        assertEquals("NOT_MET", contacts.selectFirst("td.purpose .badge").className().replaceAll(".*st-", ""));
        assertEquals("NOT_MET", contacts.selectFirst("td.denial .badge").className().replaceAll(".*st-", ""));
        Element camera = panel.selectFirst("tr[data-permission=android.permission.CAMERA]");
        assertEquals("MET", camera.selectFirst("td.purpose .badge").className().replaceAll(".*st-", ""));
        assertTrue(camera.select("td.denial .badge").isEmpty(), "the camera belies no denial");
        Element internet = panel.selectFirst("tr[data-permission=android.permission.INTERNET]");
        assertTrue(internet.select("td.dangerous").text().isEmpty() && internet.select(".badge").isEmpty(),
                "INTERNET is neither dangerous nor judged");

        Element bugly = panel.selectFirst("tr[data-sdk=com.tencent.bugly]");
        assertTrue(bugly.text().contains("腾讯Bugly") && bugly.text().contains("深圳市腾讯计算机系统有限公司"), bugly.text());
        assertEquals("NOT_MET", bugly.selectFirst("td.disclosed .badge").className().replaceAll(".*st-", ""));
        assertEquals(2, panel.select("tr[data-sdk]").size());

        String textOnly = given().redirects().follow(false).cookie("pg_csrf", "c".repeat(64)).multiPart("csrf", token)
                .multiPart("file", policy002().toFile()).post("/assess").then().statusCode(303).extract().header("Location");
        assertFalse(given().get(textOnly).then().statusCode(200).extract().asString().contains("id=\"app-panel\""),
                "a text-only report has no app panel");
    }
}
