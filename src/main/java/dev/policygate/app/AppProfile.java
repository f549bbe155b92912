package dev.policygate.app;

import dev.policygate.facts.AppInfo;
import dev.policygate.facts.AppPermission;
import dev.policygate.facts.AppSdk;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.IngestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an app does, as facts for the rules: read from an APK ({@link ApkReader}) or given as JSON by a store's own
 * scanner. {@code sdks} holds SDK ids of {@code app/sdks.tsv} or class/package names (com.tencent.bugly.crashreport);
 * {@code dataFlows} are flows a dynamic analysis observed (an SDK sending data), and make their SDK present too.
 * Empty lists mean nothing of that kind was found; an unknown SDK or a malformed name is a 400.
 */
public record AppProfile(String packageName, Integer targetSdkVersion, List<String> permissions, List<String> sdks,
                         List<DataFlow> dataFlows) {
    static final int MAX_ITEMS = 2_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");
    private static final Pattern SDK_ID = Pattern.compile("[a-z0-9-]{1,64}");

    /** An observed flow: the SDK (id) that sent the data, and what data. */
    public record DataFlow(String sdk, List<String> data) {
    }

    public AppProfile {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        sdks = sdks == null ? List.of() : List.copyOf(sdks);
        dataFlows = dataFlows == null ? List.of() : List.copyOf(dataFlows);
    }

    /** Checks every entry; throws a 400 naming each one that is wrong. */
    public AppProfile validated() {
        List<String> errors = new ArrayList<>();
        if (permissions.size() > MAX_ITEMS || sdks.size() > MAX_ITEMS || dataFlows.size() > MAX_ITEMS) {
            errors.add("at most " + MAX_ITEMS + " permissions, SDKs and data flows");
        }
        if (packageName != null && (packageName.length() > 255 || !NAME.matcher(packageName).matches())) {
            errors.add("packageName is not a Java package name");
        }
        if (targetSdkVersion != null && (targetSdkVersion < 1 || targetSdkVersion > 1000)) {
            errors.add("targetSdkVersion " + targetSdkVersion + " is not an Android API level");
        }
        for (String p : permissions) {
            if (p == null || p.length() > 255 || !NAME.matcher(p).matches()) {
                errors.add("permission " + quote(p) + " is not a permission name (android.permission.CAMERA)");
            }
        }
        for (String s : sdks) {
            if (s == null || s.length() > 255 || sdk(s) == null) {
                errors.add("SDK " + quote(s) + " is neither an id of app/sdks.tsv nor a class of a known SDK");
            }
        }
        for (DataFlow f : dataFlows) {
            if (f == null || f.sdk() == null || KnownSdks.byId(f.sdk()).isEmpty()) {
                errors.add("data flow from " + (f == null ? "null" : quote(f.sdk())) + ": not an id of app/sdks.tsv");
            } else if (f.data() == null || f.data().isEmpty() || f.data().stream().anyMatch(d -> d == null || d.isBlank() || d.length() > 100)) {
                errors.add("data flow from " + f.sdk() + ": data must list what was sent (1-100 characters each)");
            }
        }
        if (!errors.isEmpty()) {
            throw new IngestException(400, "Invalid app profile", String.join("; ", errors.subList(0, Math.min(20, errors.size()))));
        }
        return this;
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
    }

    /** The fact for an SDK entry: by id, else by the class or package it names. */
    private static AppSdk sdk(String entry) {
        if (SDK_ID.matcher(entry).matches()) {
            var byId = KnownSdks.byId(entry);
            if (byId.isPresent()) {
                return byId.get().fact(byId.get().prefixes().get(0));
            }
        }
        if (!NAME.matcher(entry).matches()) {
            return null;
        }
        return KnownSdks.forClass(entry).map(e -> e.getKey().fact(e.getValue())).orElse(null);
    }

    /** The facts the rules see: the AppInfo, one AppPermission per distinct permission, one AppSdk per SDK. */
    public List<Fact> facts() {
        validated();
        List<Fact> out = new ArrayList<>();
        out.add(new AppInfo(packageName, targetSdkVersion, List.of()));
        for (String p : new LinkedHashSet<>(permissions)) {
            out.add(AndroidPermissions.of(p));
        }
        Map<String, AppSdk> bySdk = new LinkedHashMap<>();
        for (String s : sdks) {
            AppSdk f = sdk(s);
            bySdk.putIfAbsent(f.id(), f);
        }
        for (DataFlow flow : dataFlows) {
            AppSdk known = bySdk.computeIfAbsent(flow.sdk(), id -> sdk(id));
            LinkedHashSet<String> collects = new LinkedHashSet<>(known.collects());
            collects.addAll(flow.data());
            bySdk.put(known.id(), new AppSdk(known.id(), known.name(), known.provider(), known.classPrefix(),
                    known.names(), List.copyOf(collects), List.of()));
        }
        out.addAll(bySdk.values());
        return out;
    }
}
