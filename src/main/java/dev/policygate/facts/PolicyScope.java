package dev.policygate.facts;

import java.util.List;

/** What the policy covers: the products/services it names and whether an explicit scope sentence says so. */
public record PolicyScope(List<String> products, boolean explicitScopeSentence, List<Citation> citations)
        implements Fact {
}
