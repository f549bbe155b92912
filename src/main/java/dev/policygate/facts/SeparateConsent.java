package dev.policygate.facts;

import java.util.List;

/** A promise to ask separate consent (单独同意/单独授权) for a kind of processing. */
public record SeparateConsent(Subject subject, List<Citation> citations) implements Fact {
    public enum Subject { SENSITIVE_PI, SHARING, PUBLIC_DISCLOSURE, CROSS_BORDER, OTHER }
}
