package dev.policygate.compare;

/**
 * One sentence that differs between two versions of a policy: ADDED (only {@code after}), REMOVED (only
 * {@code before}) or CHANGED (both: the sentence at the same place was rewritten).
 */
public record SentenceChange(Kind kind, Span before, Span after) {
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** A sentence in one version: offsets into that version's normalised text, its section path and its text. */
    public record Span(int start, int end, String section, String text) {
        boolean overlaps(int s, int e) {
            return s < end && start < e;
        }
    }
}
