package dev.policygate.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.facts.AppInfo;
import dev.policygate.report.ReportedFinding;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app facts of an assessment for the report page (README "App behaviour (APK)"): the app's package and
 * targetSdkVersion, each permission with whether the policy gives it a purpose and whether it belies a denial,
 * each SDK with whether the policy names it. Read back from the stored facts and findings, so older reports show it
 * too.
 */
@TemplateData
public record AppPanel(String packageName, Integer targetSdkVersion, boolean runtimePermissions,
                       List<PermissionRow> permissions, List<SdkRow> sdks) {

    /** A requested permission; {@code purpose} and {@code denial} are finding statuses (null: not judged). */
    @TemplateData
    public record PermissionRow(String name, String kind, boolean dangerous, String purpose, String denial) {
    }

    /** A detected SDK; {@code disclosed} is the status of its APP_SDK_DISCLOSED finding (null: not judged). */
    @TemplateData
    public record SdkRow(String name, String provider, String classPrefix, String disclosed) {
    }

    /** The panel of a report, or null when it has no app facts. */
    public static AppPanel of(JsonNode facts, List<ReportedFinding> findings) {
        if (facts == null || !facts.isArray()) {
            return null;
        }
        Map<String, String> status = new HashMap<>();
        for (ReportedFinding f : findings) {
            if (f.subject() != null) {
                status.put(f.obligationId() + "|" + f.subject(), f.status());
            }
        }
        String packageName = null;
        Integer target = null;
        boolean any = false;
        List<PermissionRow> permissions = new ArrayList<>();
        List<SdkRow> sdks = new ArrayList<>();
        for (JsonNode f : facts) {
            switch (f.path("type").asText()) {
                case "AppInfo" -> {
                    any = true;
                    packageName = text(f, "packageName");
                    target = f.hasNonNull("targetSdkVersion") ? f.get("targetSdkVersion").asInt() : null;
                }
                case "AppPermission" -> {
                    String name = f.path("name").asText();
                    permissions.add(new PermissionRow(name, text(f, "kind"), f.path("dangerous").asBoolean(),
                            status.get("APP_PERMISSION_PURPOSE|" + name),
                            status.get("APP_NO_CONTRADICTED_DENIAL|" + name)));
                }
                case "AppSdk" -> {
                    String prefix = f.path("classPrefix").asText();
                    sdks.add(new SdkRow(text(f, "name"), text(f, "provider"), prefix,
                            status.get("APP_SDK_DISCLOSED|" + prefix)));
                }
                default -> {
                }
            }
        }
        if (!any && permissions.isEmpty() && sdks.isEmpty()) {
            return null;
        }
        boolean runtime = target != null && target >= AppInfo.RUNTIME_PERMISSIONS_FROM;
        return new AppPanel(packageName, target, runtime, permissions, sdks);
    }

    private static String text(JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asText() : null;
    }
}
