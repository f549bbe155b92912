package dev.policygate.facts;

import java.util.List;

/** How long PI is kept: a period, criteria, or only vague wording. {@code period} quotes the stated period. */
public record Retention(Kind kind, String period, List<Citation> citations) implements Fact {
    public enum Kind { PERIOD, CRITERIA, AS_LONG_AS_NECESSARY, WHILE_USING_SERVICE }
}
