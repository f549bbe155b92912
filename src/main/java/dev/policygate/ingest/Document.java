package dev.policygate.ingest;

import dev.policygate.facts.Citation;
import java.util.List;

/**
 * A policy after ingestion: its normalised text (every offset the service returns refers to it), its
 * sections in text order and its sentences.
 */
public record Document(String normalizedText, SourceFormat sourceFormat, List<Section> sections,
                       List<Sentence> sentences) {

    /** The path of the innermost section that holds {@code offset}, or "" before the first heading. */
    public String sectionPathAt(int offset) {
        String path = "";
        for (Section s : sections) {
            if (s.start() > offset) {
                break;
            }
            if (offset < s.end()) {
                path = s.path();
            }
        }
        return path;
    }

    /** A citation of {@code [start, end)} that satisfies the citation invariant. */
    public Citation cite(int start, int end) {
        return new Citation(start, end, sectionPathAt(start), normalizedText.substring(start, end));
    }

    /** A citation of a whole sentence. */
    public Citation cite(Sentence sentence) {
        return new Citation(sentence.start(), sentence.end(), sentence.section(),
                normalizedText.substring(sentence.start(), sentence.end()));
    }

    public String text(Sentence sentence) {
        return normalizedText.substring(sentence.start(), sentence.end());
    }
}
