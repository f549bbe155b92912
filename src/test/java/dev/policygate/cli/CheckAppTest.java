package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policygate check POLICY --apk APP.apk} / {@code --app-profile FILE}: the app's findings in the report and SARIF. */
class CheckAppTest {
    static final Path APK = Path.of("src/test/resources/apk/location-camera-contacts.apk");

    private static String policy002() {
        return Corpus.government().stream().filter(p -> p.getFileName().toString().startsWith("002_")).findFirst()
                .orElseThrow().toString();
    }

    @Test
    void apkFindingsAppearPerEntry(@TempDir Path tmp) throws Exception {
        Cli.Run run = Cli.run("check", policy002(), "--rules", "rules", "--apk", APK.toString(), "--format", "json", "-q");
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonNode findings = (report.isArray() ? report.get(0) : report).path("findings");
        List<String> notMet = new ArrayList<>();
        List<String> met = new ArrayList<>();
        for (JsonNode f : findings) {
            if (f.path("obligationId").asText().equals("APP_NO_CONTRADICTED_DENIAL")) {
                assertEquals("MET", f.path("status").asText(), "policy 002 denies collecting nothing");
            } else if (f.path("obligationId").asText().startsWith("APP_")) {
                (f.path("status").asText().equals("MET") ? met : notMet).add(f.path("subject").asText());
            }
        }
        assertEquals(List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA"), met.stream().sorted().toList(), run.toString());
        assertEquals(List.of("android.permission.READ_CONTACTS", "com.amap.api.location", "com.tencent.bugly"),
                notMet.stream().sorted().toList());

        JsonNode app = null;
        for (JsonNode f : (report.isArray() ? report.get(0) : report).path("facts")) {
            app = "AppInfo".equals(f.path("type").asText()) ? f : app;
        }
        assertTrue(app != null, "the report's facts hold the app's package and targetSdkVersion");
        assertEquals("org.example.tianfu", app.path("packageName").asText());
        assertTrue(app.path("targetSdkVersion").isInt(), app.toString());

        Path profile = tmp.resolve("app.json");
        Files.writeString(profile, "{\"targetSdkVersion\": 34, \"permissions\": [\"READ_CONTACTS\"], \"sdks\": [\"getui\"]}");
        Cli.Run sarif = Cli.run("check", policy002(), "--rules", "rules", "--app-profile", profile.toString(),
                "--format", "sarif", "-q");
        JsonNode sarifDoc = new ObjectMapper().readTree(sarif.out());
        assertTrue(dev.policygate.report.Fixtures.sarifErrors(sarifDoc).isEmpty(),
                String.valueOf(dev.policygate.report.Fixtures.sarifErrors(sarifDoc)));
        assertEquals(34, sarifDoc.at("/runs/0/properties/policies/0/app/targetSdkVersion").asInt(), sarif.toString());
        JsonNode results = sarifDoc.at("/runs/0/results");
        List<String> logical = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode l = r.at("/locations/0/logicalLocations/0");
            if (!l.isMissingNode()) {
                logical.add(l.path("kind").asText() + " " + l.path("fullyQualifiedName").asText());
            }
        }
        assertEquals(List.of("namespace com.igexin", "resource android.permission.READ_CONTACTS"), logical.stream().sorted().toList(),
                sarif.toString());
    }

    @Test
    void junitNamesEachEntryAndTheGateFailsOnAnUndisclosedOne(@TempDir Path tmp) throws Exception {
        Path xml = tmp.resolve("junit.xml");
        Cli.Run run = Cli.run("check", policy002(), "--rules", "rules", "--apk", APK.toString(), "--format", "junit",
                "-o", xml.toString(), "--require", "APP_SDK_DISCLOSED", "-q");
        assertEquals(1, run.code(), run.toString());
        String junit = Files.readString(xml);
        assertTrue(junit.contains("APP_SDK_DISCLOSED [com.tencent.bugly]") && junit.contains("APP_PERMISSION_PURPOSE [android.permission.CAMERA]"), junit);
    }

    @Test
    void badAppInputsAreUsageErrors(@TempDir Path tmp) throws Exception {
        Path notApk = tmp.resolve("x.apk");
        Files.writeString(notApk, "not a zip");
        Cli.Run run = Cli.run("check", policy002(), "--rules", "rules", "--apk", notApk.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("Not an APK"), run.toString());
        Path profile = tmp.resolve("p.json");
        Files.writeString(profile, "{\"sdks\": [\"no-such-sdk\"]}");
        Cli.Run bad = Cli.run("check", policy002(), "--rules", "rules", "--app-profile", profile.toString());
        assertEquals(2, bad.code());
        assertFalse(bad.err().isBlank());
    }
}
