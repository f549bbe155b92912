package dev.policygate.ingest;

/**
 * A sentence (or heading, or list item) with its offsets into the normalised text, its section path and its text.
 * The text is kept, not cut again on each use, so that every extractor reads the same string (the literal
 * pre-check remembers what it found in each string, and a string keeps its hash).
 */
public record Sentence(int start, int end, String section, String text) {
}
