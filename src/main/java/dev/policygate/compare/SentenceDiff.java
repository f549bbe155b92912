package dev.policygate.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentence-level difference of two normalised policy texts: both are split into sentences (with their
 * section paths) by the ingestion pipeline, and the two sentence sequences are diffed (Myers' algorithm,
 * java-diff-utils). Sentences are compared with their blanks removed, so re-flowed whitespace is no change.
 * Within one changed block, sentences are paired in order as CHANGED; the surplus is ADDED or REMOVED.
 */
public final class SentenceDiff {
    private SentenceDiff() {
    }

    public static List<SentenceChange> diff(String beforeText, String afterText) {
        List<SentenceChange.Span> a = sentences(beforeText);
        List<SentenceChange.Span> b = sentences(afterText);
        Patch<String> patch = DiffUtils.diff(a.stream().map(SentenceDiff::key).toList(),
                b.stream().map(SentenceDiff::key).toList());
        List<SentenceChange> out = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int as = d.getSource().getPosition();
            int an = d.getSource().size();
            int bs = d.getTarget().getPosition();
            int bn = d.getTarget().size();
            int paired = Math.min(an, bn);
            for (int i = 0; i < paired; i++) {
                out.add(new SentenceChange(SentenceChange.Kind.CHANGED, a.get(as + i), b.get(bs + i)));
            }
            for (int i = paired; i < an; i++) {
                out.add(new SentenceChange(SentenceChange.Kind.REMOVED, a.get(as + i), null));
            }
            for (int i = paired; i < bn; i++) {
                out.add(new SentenceChange(SentenceChange.Kind.ADDED, null, b.get(bs + i)));
            }
        }
        return out;
    }

    /** The sentences of a normalised text, with offsets into that very text. */
    static List<SentenceChange.Span> sentences(String normalizedText) {
        String text = normalizedText == null ? "" : normalizedText;
        if (text.isBlank()) {
            return List.of();
        }
        Document doc = new Ingestor().ingestText(text);
        if (!doc.normalizedText().equals(text)) {
            throw new IllegalStateException("normalising a normalised text changed it; offsets would not hold");
        }
        List<SentenceChange.Span> out = new ArrayList<>(doc.sentences().size());
        for (Sentence s : doc.sentences()) {
            out.add(new SentenceChange.Span(s.start(), s.end(), s.section(), s.text()));
        }
        return out;
    }

    private static String key(SentenceChange.Span s) {
        return s.text().replaceAll("[\\s\\u3000]+", "");
    }
}
