package dev.policygate.remedy;

import dev.policygate.extract.LexiconFile;
import dev.policygate.rules.Remediation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard placeholders of model clauses ({@code remedy/placeholders.tsv}): each with a sample value, which
 * the rule test fills in, and, for some, the kind of fact whose value an assessment fills in ({@link KnownValues}).
 * A remediation may bring samples of its own for placeholders that are not standard.
 */
public final class Placeholders {
    /** One standard placeholder; {@code source} names a {@link KnownValues} key, or is null. */
    public record Placeholder(String name, String sample, String source) {
    }

    private static final Map<String, Placeholder> STANDARD = load();

    private Placeholders() {
    }

    private static Map<String, Placeholder> load() {
        Map<String, Placeholder> m = new LinkedHashMap<>();
        for (String[] row : LexiconFile.load("remedy/placeholders.tsv").rows()) {
            if (row.length < 3) {
                throw new IllegalStateException("remedy/placeholders.tsv: a row needs name, sample and source: "
                        + String.join("\t", row));
            }
            m.put(row[0].strip(), new Placeholder(row[0].strip(), row[1].strip(),
                    "-".equals(row[2].strip()) ? null : row[2].strip()));
        }
        return Collections.unmodifiableMap(m);
    }

    public static Map<String, Placeholder> standard() {
        return STANDARD;
    }

    /** The sample value of every placeholder of the clause: the remediation's own samples first. */
    public static Map<String, String> samples(Remediation r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : r.placeholders()) {
            String v = r.samples().get(name);
            if (v == null && STANDARD.containsKey(name)) {
                v = STANDARD.get(name).sample();
            }
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /** Placeholders of the clause that have no sample value (neither standard nor the remediation's own). */
    public static List<String> withoutSample(Remediation r) {
        Map<String, String> samples = samples(r);
        return r.placeholders().stream().filter(n -> !samples.containsKey(n)).toList();
    }
}
