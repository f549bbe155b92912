package dev.policygate.facts;

import java.util.List;

/**
 * A third-party SDK found in the app: by the package prefix of classes in its dex files, or listed by an app
 * profile. {@code names} are the names a policy uses for it (腾讯Bugly, Bugly); {@code collects} the personal
 * information the SDK is known to process (empty when it processes none). App facts cite no policy text.
 */
public record AppSdk(String id, String name, String provider, String classPrefix, List<String> names,
                     List<String> collects, List<Citation> citations) implements Fact {

    public AppSdk {
        names = names == null ? List.of() : List.copyOf(names);
        collects = collects == null ? List.of() : List.copyOf(collects);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public boolean processesPi() {
        return !collects.isEmpty();
    }

    /** Whether a third party the policy lists is this SDK: one of its names in the entry or in its sentence. */
    public boolean namedBy(ThirdParty t) {
        for (String n : names) {
            if (contains(t.service(), n) || contains(t.provider(), n)) {
                return true;
            }
            for (Citation c : t.citations()) {
                if (contains(c.quote(), n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String s, String n) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains(n.toLowerCase(java.util.Locale.ROOT));
    }
}
