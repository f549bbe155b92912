package dev.policygate.ingest;

/** A sentence (or heading, or list item) with its offsets into the normalised text and its section path. */
public record Sentence(int start, int end, String section) {
}
