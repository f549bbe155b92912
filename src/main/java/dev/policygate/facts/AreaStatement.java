package dev.policygate.facts;

import java.util.List;

/**
 * A sentence that speaks of an {@link Area} (as the learned sentence classifier reads it) while no hand-written
 * pattern of that area read it, with what can still be parsed from it: the PI types it names. {@code probability}
 * is the classifier's, rounded to two decimals. Rules may count these as evidence that the policy addresses an
 * area; they say less than the typed facts of the area.
 */
public record AreaStatement(Area area, double probability, List<PiType> piTypes, List<Citation> citations)
        implements Fact {
}
