package dev.policygate.app;

import dev.policygate.extract.LexiconFile;
import dev.policygate.extract.SdkProviders;
import dev.policygate.facts.AppSdk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The third-party SDKs recognised in apps ({@code app/sdks.tsv}): class-package prefixes, the names a policy uses,
 * what they collect; the provider comes from {@code lexicon/sdk-providers.tsv} through the first name, so a
 * provider is written down once.
 */
public final class KnownSdks {
    static final String RESOURCE = "/app/sdks.tsv";
    private static final LexiconFile FILE = LexiconFile.load(RESOURCE);
    private static final Map<String, Sdk> BY_ID = load();

    /** One known SDK; {@code prefixes} are package prefixes with dots (com.tencent.bugly). */
    public record Sdk(String id, List<String> prefixes, List<String> names, String provider, List<String> collects) {
        AppSdk fact(String classPrefix) {
            return new AppSdk(id, names.get(0), provider, classPrefix, names, collects, List.of());
        }
    }

    private KnownSdks() {
    }

    private static Map<String, Sdk> load() {
        Map<String, Sdk> m = new LinkedHashMap<>();
        for (String[] row : FILE.rows()) {
            List<String> names = List.of(row[2].strip().split("\\|"));
            String provider = SdkProviders.providerOf(names.get(0));
            if (provider == null) {
                throw new IllegalStateException(RESOURCE + ": no provider in lexicon/sdk-providers.tsv for " + names.get(0));
            }
            List<String> collects = row.length > 3 && !row[3].isBlank() ? List.of(row[3].strip().split("\\|")) : List.of();
            m.put(row[0].strip(), new Sdk(row[0].strip(), List.of(row[1].strip().split("\\|")), names, provider, collects));
        }
        return m;
    }

    public static String version() {
        return FILE.header();
    }

    public static Collection<Sdk> all() {
        return BY_ID.values();
    }

    public static Optional<Sdk> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The SDK whose longest prefix covers a class name (dots), with that prefix; empty for any other class. */
    public static Optional<Map.Entry<Sdk, String>> forClass(String className) {
        Sdk best = null;
        String bestPrefix = "";
        for (Sdk s : BY_ID.values()) {
            for (String p : s.prefixes()) {
                if (p.length() > bestPrefix.length() && (className.equals(p) || className.startsWith(p + "."))) {
                    best = s;
                    bestPrefix = p;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(Map.entry(best, bestPrefix));
    }

    /** The SDK facts for a set of class names: one per SDK, naming the prefix it was found by. */
    public static List<AppSdk> detect(Iterable<String> classNames) {
        Map<String, AppSdk> found = new LinkedHashMap<>();
        for (String c : classNames) {
            forClass(c).ifPresent(e -> found.putIfAbsent(e.getKey().id(), e.getKey().fact(e.getValue())));
        }
        return new ArrayList<>(found.values());
    }
}
