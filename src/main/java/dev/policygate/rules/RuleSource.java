package dev.policygate.rules;

/**
 * One file of a rule set: {@code name} is its path relative to the rule set's root ({@code scoring.yaml},
 * {@code b-handler/pack.yaml}, {@code b-handler/HANDLER_IDENTITY.drl} …), {@code content} its UTF-8 text.
 */
public record RuleSource(String name, String content) {
}
