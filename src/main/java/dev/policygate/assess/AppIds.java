package dev.policygate.assess;

import dev.policygate.api.ProblemException;
import java.util.regex.Pattern;

/** Checks the app identity an assessment may carry: a package or bundle name, or any similar stable key. */
final class AppIds {
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    private AppIds() {
    }

    /** The app id, stripped; null when not given; 400 when it is not a plain identifier. */
    static String check(String appId) {
        if (appId == null || appId.isBlank()) {
            return null;
        }
        String a = appId.strip();
        if (!APP_ID.matcher(a).matches()) {
            throw new ProblemException(400, "Bad appId", "appId must be 1 to 200 letters, digits and . _ : - "
                    + "(e.g. com.example.app), starting with a letter or digit.");
        }
        return a;
    }

    static String label(String versionLabel) {
        if (versionLabel == null || versionLabel.isBlank()) {
            return null;
        }
        String l = versionLabel.strip();
        if (l.length() > 200) {
            throw new ProblemException(400, "Bad versionLabel", "versionLabel must be at most 200 characters.");
        }
        return l;
    }
}
