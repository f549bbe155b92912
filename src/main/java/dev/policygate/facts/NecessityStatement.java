package dev.policygate.facts;

import java.util.List;

/** An explanation of why sensitive PI is necessary, or of its impact on the individual. */
public record NecessityStatement(Aspect aspect, List<Citation> citations) implements Fact {
    public enum Aspect { NECESSITY, IMPACT }
}
