package dev.policygate.extract;

import dev.policygate.facts.Area;
import dev.policygate.facts.CessationClause;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.Citation;
import dev.policygate.facts.CrossBorderTransfer;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.Personalization;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.Retention;
import dev.policygate.facts.RetentionExpiry;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SeparateConsent;
import dev.policygate.facts.StorageLocation;
import dev.policygate.facts.ThirdParty;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The learned layer beside the lexicons: every sentence that the {@link SentenceClassifier} places in an area which
 * no fact of that area cites becomes an {@link AreaStatement} citing the sentence, with what the extractors' readers
 * still parse from it ({@link AreaStatementReader}). Of a pattern's fact, the cited sentences the classifier places
 * in the fact's area under {@link #DOUBT} are no longer cited while one citation at least stays (a right's fact that also quoted the contact
 * paragraph after it cites the right); a fact it places under {@link #REJECT} in every sentence it cites is dropped
 * as a misreading (a collection read in "如需复制…请通过…联系我们"), unless the pattern read a value the rules compare
 * ({@link #VALUES}). README "The learned sentence layer" gives the measurements behind both numbers.
 */
final class LearnedAreas {
    /** Under this probability for its area, a sentence is not cited by a fact that has better evidence. */
    static final double DOUBT = 0.1;
    /** Under this probability for its area in every sentence it cites, a pattern's fact is dropped. */
    static final double REJECT = 0.02;
    private static final Area[] AREAS = Area.values();
    /**
     * Facts whose pattern read a value the rules compare (a deadline, a period, a place, a sensitivity mark, a named
     * recipient or SDK, what happens when the service stops, a device permission the app's manifest is checked
     * against, how personalisation is refused, a promise of separate consent): the value stands even where the classifier reads the sentence as about
     * something else (an SDK table's rows, a deadline in the contact section, 停止运营 in the storage section, a
     * location permission stated in a definition of 位置信息, renewed consent for sensitive PI promised in the sharing section).
     */
    private static final Set<Class<? extends Fact>> VALUES = Set.of(ResponseDeadline.class, Retention.class,
            RetentionExpiry.class, StorageLocation.class, CrossBorderTransfer.class, SensitivePiLabel.class,
            ThirdParty.class, CessationClause.class, PermissionRequest.class, Personalization.class,
            SeparateConsent.class);

    private LearnedAreas() {
    }

    /** The patterns' {@code facts} with their doubted citations pruned, then the learned statements. */
    static List<Fact> apply(Document d, List<Fact> facts, SentenceClassifier classifier) {
        List<Sentence> sentences = d.sentences();
        double[][] p = probabilities(d, classifier);
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            Fact kept = pruned(f, sentences, p);
            if (kept != null) {
                out.add(kept);
            }
        }
        out.addAll(statements(d, out, p, classifier));
        return out;
    }

    /** The fact with its doubted citations pruned; null when the classifier rejects every sentence it cites. */
    private static Fact pruned(Fact f, List<Sentence> sentences, double[][] p) {
        Area area = FactAreas.of(f);
        if (area == null) {
            return f;
        }
        List<Citation> kept = new ArrayList<>(f.citations().size());
        double best = 0;
        for (Citation c : f.citations()) {
            double cited = 0;
            for (int i = FactAreas.firstEndingAfter(sentences, c.start()); i < sentences.size()
                    && sentences.get(i).start() < c.end(); i++) {
                cited = Math.max(cited, p[i][area.ordinal()]);
            }
            best = Math.max(best, cited);
            if (cited >= DOUBT) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            return best >= REJECT || VALUES.contains(f.getClass()) ? f : null;
        }
        return kept.size() == f.citations().size() ? f : FactCopies.withCitations(f, kept);
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
                out.add(AreaStatementReader.read(a, Math.round(pa * 100) / 100.0, text, s.start(), s.end(), d.cite(s)));
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
