package dev.policygate.facts;

import java.util.List;

/**
 * The app as a whole, from its manifest or app profile: its package and {@code targetSdkVersion} (null when not
 * given). From API level 23 (Android 6.0) on, an app targeting it must ask the user for each dangerous permission at
 * run time, so a policy's statement about a permission meets the user at that prompt too. App facts cite no policy
 * text.
 */
public record AppInfo(String packageName, Integer targetSdkVersion, List<Citation> citations) implements Fact {
    /** The API level from which dangerous permissions are granted at run time rather than at install. */
    public static final int RUNTIME_PERMISSIONS_FROM = 23;

    public AppInfo {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** Whether the user is asked for each dangerous permission when the app first needs it. */
    public boolean runtimePermissions() {
        return targetSdkVersion != null && targetSdkVersion >= RUNTIME_PERMISSIONS_FROM;
    }
}
