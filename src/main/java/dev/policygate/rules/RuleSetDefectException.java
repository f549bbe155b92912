package dev.policygate.rules;

import dev.policygate.facts.Finding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule set did not produce exactly one status per obligation for the given facts. Lists every defect;
 * {@code findings} holds the merged findings of the obligations that were fine (by obligation ID), so tools
 * such as the rule test runner can still report those.
 */
public class RuleSetDefectException extends RuntimeException {
    private final List<RuleSetDefect> defects;
    private final Map<String, Finding> findings;

    public RuleSetDefectException(List<RuleSetDefect> defects, Map<String, Finding> findings) {
        super("rule set defect(s): " + defects.stream().map(RuleSetDefect::toString).collect(Collectors.joining("; ")));
        this.defects = List.copyOf(defects);
        this.findings = Map.copyOf(findings);
    }

    public List<RuleSetDefect> defects() {
        return defects;
    }

    public Map<String, Finding> findings() {
        return findings;
    }
}
