package dev.policygate.facts;

import java.util.List;

/** What the handler does if the product or service stops operating. */
public record CessationClause(boolean notifiesUsers, boolean stopsCollection, boolean deletesOrAnonymises,
                              List<Citation> citations) implements Fact {
}
