package dev.policygate.facts;

import java.util.List;

/**
 * A promise to ask consent for one kind of processing on its own. {@code wording} says how the policy names it:
 * 单独同意/单独授权 (PIPL's separate consent) or only 明示同意 / 再次征求您的同意 (consent asked for this processing, the
 * wording of GB/T 35273-2020 §5.4, which is not PIPL's term). A fact given without a wording is a separate consent.
 */
public record SeparateConsent(Subject subject, Wording wording, List<Citation> citations) implements Fact {
    public enum Subject { SENSITIVE_PI, SHARING, PUBLIC_DISCLOSURE, CROSS_BORDER, OTHER }

    public enum Wording {
        /** 单独同意, 单独授权, 单独征得您的同意 */
        SEPARATE,
        /** 明示同意, 再次征求您的授权同意: read for sensitive PI only */
        EXPLICIT
    }

    public SeparateConsent {
        wording = wording == null ? Wording.SEPARATE : wording;
    }

    public SeparateConsent(Subject subject, List<Citation> citations) {
        this(subject, Wording.SEPARATE, citations);
    }
}
