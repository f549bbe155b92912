package dev.policygate.facts;

import java.util.List;

/** The legal name of the personal-information handler (operator, owner, or the entity that calls itself 我们). */
public record Handler(String name, List<Citation> citations) implements Fact {
}
