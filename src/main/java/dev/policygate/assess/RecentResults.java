package dev.policygate.assess;

import dev.policygate.ingest.Document;
import dev.policygate.report.ReportedFinding;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of recent assessments, by what determines them: the document (its normalised text, format and
 * structure) and the rule-set version. An assessment is deterministic, so a policy assessed again against the same
 * version (CI pipelines do it on every build) gets the stored result without extraction and evaluation. Bounded by
 * the size of the results' JSON; least recently used results go first.
 */
final class RecentResults {
    /** What an assessment's result depends on. */
    record Key(String documentSha256, String sourceFormat, int structure, int ruleSetVersion) {
        static Key of(Document document, String documentSha256, int ruleSetVersion) {
            int structure = 31 * document.sections().hashCode() + document.sentences().hashCode();
            return new Key(documentSha256, document.sourceFormat().name(), structure, ruleSetVersion);
        }
    }

    /** A result as stored: the same for every assessment of the same input against the same version. */
    record Result(BigDecimal score, String verdict, String factsJson, List<ReportedFinding> findings,
                  String findingsJson, String resultKey) {
        long chars() {
            return (long) factsJson.length() + findingsJson.length();
        }
    }

    private final long maxChars;
    private long chars;
    private final LinkedHashMap<Key, Result> results = new LinkedHashMap<>(64, 0.75f, true);

    /** @param maxChars the most characters of JSON kept; 0 keeps nothing */
    RecentResults(long maxChars) {
        this.maxChars = maxChars;
    }

    synchronized Result get(Key key) {
        return results.get(key);
    }

    synchronized void put(Key key, Result result) {
        if (result.chars() > maxChars) {
            return;
        }
        Result old = results.put(key, result);
        chars += result.chars() - (old == null ? 0 : old.chars());
        var eldest = results.entrySet().iterator();
        while (chars > maxChars && eldest.hasNext()) {
            Map.Entry<Key, Result> e = eldest.next();
            chars -= e.getValue().chars();
            eldest.remove();
        }
    }
}
