package dev.policygate.facts;

import java.util.List;

/** A heading of the policy and the span of its section, so rules can say where they looked. */
public record DocumentSection(String path, String heading, int level, int start, int end, List<Citation> citations)
        implements Fact {
}
