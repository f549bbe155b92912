package dev.policygate.app;

import dev.policygate.extract.LexiconFile;
import dev.policygate.facts.AppPermission;
import dev.policygate.facts.PermissionRequest.Permission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Android's dangerous permissions ({@code app/dangerous-permissions.tsv}): the device permission a policy names
 * for each, and the data it gives. A permission not in the table is kept as not dangerous.
 */
public final class AndroidPermissions {
    static final String RESOURCE = "/app/dangerous-permissions.tsv";
    private static final String PREFIX = "android.permission.";
    private static final LexiconFile FILE = LexiconFile.load(RESOURCE);
    private static final Map<String, AppPermission> DANGEROUS = load();

    private AndroidPermissions() {
    }

    private static Map<String, AppPermission> load() {
        Map<String, AppPermission> m = new HashMap<>();
        for (String[] row : FILE.rows()) {
            String name = PREFIX + row[0].strip();
            m.put(name, new AppPermission(name, Permission.valueOf(row[1].strip()), true,
                    List.of(row[2].strip().split("\\|")), List.of()));
        }
        return Map.copyOf(m);
    }

    public static String version() {
        return FILE.header();
    }

    /** The fact for a requested permission; a bare name (CAMERA) means {@code android.permission.CAMERA}. */
    public static AppPermission of(String name) {
        String full = name.contains(".") ? name : PREFIX + name;
        AppPermission known = DANGEROUS.get(full);
        return known != null ? known : new AppPermission(full, Permission.OTHER, false, List.of(), List.of());
    }

    static int size() {
        return DANGEROUS.size();
    }
}
