package dev.policygate.facts;

import java.util.List;

/**
 * A date the policy states about itself. {@code date} is ISO-8601 cut to its precision ({@code 2021-06-11},
 * {@code 2021-06}, {@code 2021}); for {@link Kind#EFFECTIVE_ON_EVENT} it is null and {@code event} holds the
 * event wording (e.g. 自您点击同意之时).
 */
public record PolicyDate(Kind kind, String date, Precision precision, String event, List<Citation> citations)
        implements Fact {
    public enum Kind { UPDATED, EFFECTIVE, PUBLISHED, EFFECTIVE_ON_EVENT }

    public enum Precision { DAY, MONTH, YEAR, EVENT }
}
