package dev.policygate.facts;

import java.util.List;

/** What happens to PI when retention ends or the account is deleted. */
public record RetentionExpiry(Action action, List<Citation> citations) implements Fact {
    public enum Action { DELETE, ANONYMISE }
}
