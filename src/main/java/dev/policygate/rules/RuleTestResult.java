package dev.policygate.rules;

import dev.policygate.facts.Status;
import java.util.List;

/**
 * The result of one rule test case.
 *
 * @param kind         TEXT (policy snippet → ingest → extract → rules) or FACTS (facts given directly)
 * @param actual       the status the rule set produced, null when it produced none (see {@code error})
 * @param error        why the case could not produce a status (parse error, rule-set defect, time-out …), or null
 * @param otherDefects defects of other obligations that these facts exposed (they do not fail this case;
 *                     they fail that obligation's own validation)
 */
public record RuleTestResult(String obligationId, String name, Kind kind, Status expected, Status actual,
                             boolean passed, String rationaleZh, String rationaleEn, String error,
                             List<String> otherDefects) {
    public enum Kind { TEXT, FACTS }

    public RuleTestResult {
        otherDefects = otherDefects == null ? List.of() : List.copyOf(otherDefects);
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + obligationId + " [" + kind + "] " + name + ": expected " + expected
                + ", got " + actual + (error == null ? "" : " (" + error + ")")
                + (passed ? "" : " — " + rationaleEn);
    }
}
