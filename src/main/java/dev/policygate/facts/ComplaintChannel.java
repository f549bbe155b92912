package dev.policygate.facts;

import java.util.List;

/** A channel for complaints or reports about PI ({@code GENERAL_CONTACT} for a contact only for questions). */
public record ComplaintChannel(Kind kind, String channel, List<Citation> citations) implements Fact {
    public enum Kind { COMPLAINT, REPORT, GENERAL_CONTACT }
}
