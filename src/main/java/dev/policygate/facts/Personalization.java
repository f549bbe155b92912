package dev.policygate.facts;

import java.util.List;

/**
 * Personalised recommendation or profiling: {@code DECLARED} when the policy says it does it, the other kinds
 * for the ways offered to refuse it, with the in-app path when given.
 */
public record Personalization(Kind kind, String path, List<Citation> citations) implements Fact {
    public enum Kind {
        DECLARED,
        /** the personalisation itself can be switched off */
        SWITCH_OFF,
        /** non-personalised content is offered */
        NON_PERSONALISED_OPTION,
        /** only generic routes: unsubscribing, cookie settings, deleting profile data */
        GENERIC_ROUTE
    }
}
