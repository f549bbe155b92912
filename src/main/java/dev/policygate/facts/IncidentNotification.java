package dev.policygate.facts;

import java.util.List;

/** A commitment to notify users of a security incident; what it says it will tell, and through which channels. */
public record IncidentNotification(boolean describesContent, List<String> channels, List<Citation> citations)
        implements Fact {
}
