package dev.policygate.extract;

import dev.policygate.facts.Area;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PiType;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The learned layer beside the lexicons: every sentence that the {@link SentenceClassifier} places in an area which
 * no fact of that area cites becomes an {@link AreaStatement} citing the sentence, with the PI types it names when
 * the area is collection. A pattern's fact is never dropped on the classifier's word (tried: dropping the facts of
 * sentences the classifier gave under 0.1 raised the labelled precision by 0.03 but cost the rules response deadlines
 * and retention statements of government policies, whose wording the labelled commercial policies do not share);
 * but of a fact citing several sentences, those the classifier places in the fact's area under {@link #DOUBT} are
 * no longer cited, while one citation at least stays (a right's fact that also quoted the contact paragraph after
 * it cites the right).
 */
final class LearnedAreas {
    /** Under this probability for its area, a sentence is not cited by a fact that has better evidence. */
    static final double DOUBT = 0.1;
    private static final Area[] AREAS = Area.values();

    private LearnedAreas() {
    }

    /** The patterns' {@code facts} with their doubted citations pruned, then the learned statements. */
    static List<Fact> apply(Document d, List<Fact> facts, SentenceClassifier classifier) {
        List<Sentence> sentences = d.sentences();
        double[][] p = probabilities(d, classifier);
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            out.add(pruned(f, sentences, p));
        }
        out.addAll(statements(d, out, p, classifier));
        return out;
    }

    private static Fact pruned(Fact f, List<Sentence> sentences, double[][] p) {
        Area area = FactAreas.of(f);
        if (area == null || f.citations().size() < 2) {
            return f;
        }
        List<Citation> kept = new ArrayList<>(f.citations().size());
        for (Citation c : f.citations()) {
            for (int i = FactAreas.firstEndingAfter(sentences, c.start()); i < sentences.size()
                    && sentences.get(i).start() < c.end(); i++) {
                if (p[i][area.ordinal()] >= DOUBT) {
                    kept.add(c);
                    break;
                }
            }
        }
        return kept.size() == f.citations().size() || kept.isEmpty() ? f : FactCopies.withCitations(f, kept);
    }

    private static List<AreaStatement> statements(Document d, List<Fact> facts, double[][] p,
                                                  SentenceClassifier classifier) {
        List<Sentence> sentences = d.sentences();
        List<Set<Area>> cited = FactAreas.citedBySentence(sentences, facts);
        String text = d.normalizedText();
        List<AreaStatement> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            for (Area a : AREAS) {
                double pa = p[i][a.ordinal()];
                if (pa < classifier.threshold(a) || cited.get(i).contains(a)) {
                    continue;
                }
                List<PiType> pi = a == Area.COLLECTION ? PiTaxonomy.typesIn(text, s.start(), s.end()) : List.of();
                out.add(new AreaStatement(a, Math.round(pa * 100) / 100.0, pi, List.of(d.cite(s))));
            }
        }
        return out;
    }

    /** Each sentence's probability for each area. */
    private static double[][] probabilities(Document d, SentenceClassifier classifier) {
        double[][] p = classifier.logits(d);
        for (double[] z : p) {
            for (int a = 0; a < z.length; a++) {
                z[a] = SentenceClassifier.probability(z[a]);
            }
        }
        return p;
    }
}
