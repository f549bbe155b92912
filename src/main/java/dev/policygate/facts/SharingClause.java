package dev.policygate.facts;

import java.util.List;

/** A clause about providing PI to others. */
public record SharingClause(Kind kind, List<Citation> citations) implements Fact {
    public enum Kind {
        /** PI is provided to third parties, on stated conditions */
        SHARING_CONDITIONS,
        /** the policy says PI is not provided to others */
        NO_SHARING,
        /** consent is obtained before providing PI to another handler */
        CONSENT_BEFORE_SHARING,
        /** public disclosure only with (separate) consent */
        PUBLIC_DISCLOSURE_CONSENT,
        /** public disclosure never happens */
        PUBLIC_DISCLOSURE_NEVER,
        /** on merger/division/transfer the recipient is bound to the policy or re-asks consent */
        MERGER_TRANSFER,
        /** processing is entrusted to others (委托处理, partners acting on instructions) */
        ENTRUSTED_PROCESSING,
        /** those processors are bound by agreement/instructions and supervised */
        ENTRUSTED_BOUND
    }
}
