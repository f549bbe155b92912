package dev.policygate.extract;

import java.util.List;

/** Known SDK providers and recipients ({@code lexicon/sdk-providers.tsv}), loaded once. */
public final class SdkProviders {
    static final String RESOURCE = "/lexicon/sdk-providers.tsv";
    private static final LexiconFile FILE = LexiconFile.load(RESOURCE);

    record Provider(String provider, String service) {
    }

    private static final TermMatcher<Provider> MATCHER = build();

    private SdkProviders() {
    }

    private static TermMatcher<Provider> build() {
        TermMatcher<Provider> m = new TermMatcher<>();
        for (String[] row : FILE.rows()) {
            Provider p = new Provider(row[1].strip(), row.length > 2 ? row[2].strip() : null);
            for (String syn : row[0].split("\\|")) {
                m.add(syn, p);
            }
        }
        return m.seal();
    }

    static String version() {
        return FILE.header();
    }

    /** The provider of the SDK or recipient a name stands for (longest lexicon match in it), or null. */
    public static String providerOf(String name) {
        List<TermMatcher.Hit<Provider>> hits = MATCHER.find(name);
        return hits.isEmpty() ? null : hits.get(0).value().provider();
    }

    static List<TermMatcher.Hit<Provider>> find(String t) {
        return MATCHER.find(t);
    }
}
