package dev.policygate.facts;

import java.util.List;

/** How the policy says consent to it is given. */
public record ConsentMechanism(Kind kind, List<Citation> citations) implements Fact {
    public enum Kind {
        /** 点击同意, 勾选 … */
        EXPLICIT_ACT,
        /** 使用即表示同意 */
        IMPLIED_BY_USE,
        /** continuing to use after an update counts as consent to the update */
        IMPLIED_BY_CONTINUED_USE
    }
}
