package dev.policygate.rules;

import dev.policygate.score.ScoringConfig;
import java.util.List;
import java.util.Optional;

/** A loaded, not yet compiled rule set: its obligations in catalogue order and its scoring configuration. */
public record RulePack(List<Obligation> obligations, ScoringConfig scoring) {
    public RulePack {
        obligations = List.copyOf(obligations);
    }

    public Optional<Obligation> obligation(String id) {
        return obligations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** A rule set with only the given obligations (same scoring), e.g. to test one obligation alone. */
    public RulePack only(java.util.Collection<String> ids) {
        return new RulePack(obligations.stream().filter(o -> ids.contains(o.id())).toList(), scoring);
    }
}
