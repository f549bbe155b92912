package dev.policygate.facts;

import java.util.List;

/** An external body for disputes. */
public record ExternalDispute(Body body, List<Citation> citations) implements Fact {
    public enum Body { REGULATOR, CONSUMER_ASSOCIATION, COURT, ARBITRATION, OTHER }
}
