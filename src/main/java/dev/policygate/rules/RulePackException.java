package dev.policygate.rules;

import java.util.List;

/** A rule set whose files cannot be loaded (missing or malformed metadata, scoring config, DRL files). */
public class RulePackException extends RuntimeException {
    private final List<String> problems;

    public RulePackException(List<String> problems) {
        super("rule set cannot be loaded: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
