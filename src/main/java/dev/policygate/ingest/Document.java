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
        // sections are in text order, each after its parent: the innermost one that holds the offset is the last
        // one that starts at or before it and ends after it; search for the last start, then step back
        int lo = 0;
        int hi = sections.size() - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).start() <= offset) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = last; i >= 0; i--) {
            if (offset < sections.get(i).end()) {
                return sections.get(i).path();
            }
        }
        return "";
    }

    /** A citation of {@code [start, end)} that satisfies the citation invariant. */
    public Citation cite(int start, int end) {
        return new Citation(start, end, sectionPathAt(start), normalizedText.substring(start, end));
    }

    /** A citation of a whole sentence. */
    public Citation cite(Sentence sentence) {
        return new Citation(sentence.start(), sentence.end(), sentence.section(), sentence.text());
    }
}
