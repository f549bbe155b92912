package dev.policygate.facts;

import java.util.List;

/** How the policy treats minors: the age threshold it names and how guardian consent is obtained. */
public record MinorsClause(Integer ageThreshold, GuardianConsent guardianConsent, List<Citation> citations)
        implements Fact {
    public enum GuardianConsent { EXPLICIT, PRESUMED, NONE }
}
