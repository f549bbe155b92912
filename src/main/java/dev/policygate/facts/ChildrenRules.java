package dev.policygate.facts;

import java.util.List;

/** Dedicated rules for children's PI (a section or separate rules with specific measures). */
public record ChildrenRules(boolean dedicatedSection, List<Citation> citations) implements Fact {
}
