package dev.policygate.extract;

import dev.policygate.facts.Area;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PiType;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The learned layer beside the lexicons: every sentence that the {@link SentenceClassifier} places in an area
 * which no fact of that area already cites becomes an {@link AreaStatement} citing the sentence, with the PI types
 * it names when the area is collection.
 */
final class LearnedAreas {
    private static final Area[] AREAS = Area.values();

    private LearnedAreas() {
    }

    static List<AreaStatement> extract(Document d, List<Fact> facts, SentenceClassifier classifier) {
        List<Sentence> sentences = d.sentences();
        List<Set<Area>> cited = citedAreas(sentences, facts);
        String text = d.normalizedText();
        List<AreaStatement> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            Sentence prev = i == 0 ? s : sentences.get(i - 1);
            double[] z = classifier.logits(text, s.start(), s.end(), s.section(), prev.start(),
                    i == 0 ? s.start() : prev.end());
            for (Area a : AREAS) {
                double p = SentenceClassifier.probability(z[a.ordinal()]);
                if (p < classifier.threshold(a) || cited.get(i).contains(a)) {
                    continue;
                }
                List<PiType> pi = a == Area.COLLECTION ? PiTaxonomy.typesIn(text, s.start(), s.end()) : List.of();
                out.add(new AreaStatement(a, Math.round(p * 100) / 100.0, pi, List.of(d.cite(s))));
            }
        }
        return out;
    }

    /** For each sentence, the areas of the facts whose citations overlap it. */
    private static List<Set<Area>> citedAreas(List<Sentence> sentences, List<Fact> facts) {
        List<Set<Area>> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            out.add(EnumSet.noneOf(Area.class));
        }
        for (Fact f : facts) {
            Area area = FactAreas.of(f);
            if (area == null) {
                continue;
            }
            for (Citation c : f.citations()) {
                for (int i = firstEndingAfter(sentences, c.start()); i < sentences.size()
                        && sentences.get(i).start() < c.end(); i++) {
                    out.get(i).add(area);
                }
            }
        }
        return out;
    }

    private static int firstEndingAfter(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
