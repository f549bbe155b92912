package dev.policygate.facts;

/**
 * Evidence for a fact or finding: {@code normalizedText.substring(start, end).equals(quote)} always holds
 * (UTF-16 offsets into the normalised text); {@code section} is the heading path that holds the span.
 */
public record Citation(int start, int end, String section, String quote) {
}
