package dev.policygate.learn;

import dev.policygate.extract.FactAreas;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Area;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.extract.SentenceClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Measures extraction on labelled policies: a sentence counts as detected for an area when a fact of that area
 * ({@link FactAreas}) cites it, i.e. one of the fact's citations overlaps the sentence. Each score comes twice: over
 * all sentences, and over the undisputed ones, which leave out a sentence for the areas its labelled copies in other
 * policies disagree about ({@link LabelAgreement#disputed}).
 */
public final class ExtractionEval {
    private ExtractionEval() {
    }

    /** The counts over all sentences and over the undisputed ones. */
    public record Scores(AreaScores all, AreaScores undisputed) {
        Scores() {
            this(new AreaScores(), new AreaScores());
        }

        void addAll(Scores other) {
            all.addAll(other.all);
            undisputed.addAll(other.undisputed);
        }
    }

    /** The counts with the policies as given (one sentence per line) and joined into paragraphs. */
    public record Forms(Scores lines, Scores paragraphs) {
        Forms() {
            this(new Scores(), new Scores());
        }

        void addAll(Forms other) {
            lines.addAll(other.lines);
            paragraphs.addAll(other.paragraphs);
        }
    }

    /**
     * A sentence of a labelled policy on which extraction and the annotators disagree about one area: extraction
     * {@code found} it in the area and they did not label it so, or the other way round.
     */
    public record Disagreement(String policy, int sentence, Area area, boolean found, Set<Area> labelled,
                               String text) {
    }

    /** The counts of one policy, given the facts extracted from its document. */
    public static Scores score(LabelledPolicy policy, List<Fact> facts, LabelAgreement agreement) {
        return score(policy, facts, agreement, d -> { });
    }

    /** As {@link #score(LabelledPolicy, List, LabelAgreement)}, telling {@code disagreements} each one. */
    public static Scores score(LabelledPolicy policy, List<Fact> facts, LabelAgreement agreement,
                               Consumer<Disagreement> disagreements) {
        List<Set<Area>> found = new ArrayList<>(policy.size());
        for (int i = 0; i < policy.size(); i++) {
            found.add(EnumSet.noneOf(Area.class));
        }
        for (Fact f : facts) {
            Area area = FactAreas.of(f);
            if (area == null) {
                continue;
            }
            for (Citation c : f.citations()) {
                int last = policy.sentenceAt(Math.max(c.start(), c.end() - 1));
                for (int i = policy.sentenceAt(c.start()); i <= last; i++) {
                    if (c.start() < policy.ends()[i] && c.end() > policy.starts()[i]) {
                        found.get(i).add(area);
                    }
                }
            }
        }
        Scores scores = new Scores();
        for (int i = 0; i < policy.size(); i++) {
            for (Area a : Area.values()) {
                if (found.get(i).contains(a) != policy.areas().get(i).contains(a)) {
                    disagreements.accept(new Disagreement(policy.name(), i, a, found.get(i).contains(a),
                            policy.areas().get(i), policy.texts().get(i)));
                }
            }
            scores.all().add(policy.areas().get(i), found.get(i));
            scores.undisputed().add(policy.areas().get(i), found.get(i), agreement.disputed(policy.texts().get(i)));
        }
        return scores;
    }

    /** Every policy extracted by one extractor. */
    public static Scores evaluate(List<LabelledPolicy> policies, FactExtractor extractor, LabelAgreement agreement) {
        return evaluate(policies, extractor, agreement, d -> { });
    }

    private static Scores evaluate(List<LabelledPolicy> policies, FactExtractor extractor, LabelAgreement agreement,
                                   Consumer<Disagreement> disagreements) {
        Scores total = new Scores();
        for (LabelledPolicy p : policies) {
            total.addAll(score(p, extractor.extract(p.document()), agreement, disagreements));
        }
        return total;
    }

    /**
     * Every policy extracted by one extractor, in both forms ({@link LabelledPolicy#inParagraphs}); the disagreements
     * of the first form (one sentence per line) go to {@code disagreements}.
     */
    public static Forms evaluateBothForms(List<LabelledPolicy> policies, FactExtractor extractor,
                                          LabelAgreement agreement, Consumer<Disagreement> disagreements) {
        return new Forms(evaluate(policies, extractor, agreement, disagreements),
                evaluate(policies.stream().map(LabelledPolicy::inParagraphs).toList(), extractor, agreement));
    }

    /**
     * Cross-validation by policy: policy {@code i} (in the given order) is in fold {@code i % folds}; each fold is
     * extracted by the extractor that {@code train} builds from the other folds' policies only, so every
     * sentence is scored by a model that never saw its policy; in both forms, the disagreements of the first going
     * to {@code disagreements} fold by fold.
     */
    public static Forms crossValidate(List<LabelledPolicy> policies, int folds,
                                      Function<List<LabelledPolicy>, FactExtractor> train, LabelAgreement agreement,
                                      Consumer<Disagreement> disagreements) {
        Forms total = new Forms();
        forEachFold(policies, folds, (training, heldOut) ->
                total.addAll(evaluateBothForms(heldOut, train.apply(training), agreement, disagreements)));
        return total;
    }

    /**
     * As {@link #crossValidate}, with each fold's classifier ({@code train}) tried at every one of {@code thresholds}
     * in turn, the same for every area: the held-out trade-off between precision and recall, one {@link Forms} per
     * threshold. A sentence found at one threshold is found at every lower one.
     */
    public static List<Forms> crossValidateThresholds(List<LabelledPolicy> policies, int folds,
                                                      Function<List<LabelledPolicy>, SentenceClassifier> train,
                                                      double[] thresholds, LabelAgreement agreement) {
        List<Forms> totals = new ArrayList<>();
        for (int t = 0; t < thresholds.length; t++) {
            totals.add(new Forms());
        }
        forEachFold(policies, folds, (training, heldOut) -> {
            SentenceClassifier model = train.apply(training);
            for (int t = 0; t < thresholds.length; t++) {
                double[] each = new double[Area.values().length];
                Arrays.fill(each, thresholds[t]);
                totals.get(t).addAll(evaluateBothForms(heldOut, new FactExtractor(model.withThresholds(each)),
                        agreement, d -> { }));
            }
        });
        return totals;
    }

    private static void forEachFold(List<LabelledPolicy> policies, int folds,
                                    BiConsumer<List<LabelledPolicy>, List<LabelledPolicy>> fold) {
        if (folds < 2 || folds > policies.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of policies ("
                    + policies.size() + "), not " + folds);
        }
        for (int k = 0; k < folds; k++) {
            List<LabelledPolicy> training = new ArrayList<>();
            List<LabelledPolicy> heldOut = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                (i % folds == k ? heldOut : training).add(policies.get(i));
            }
            fold.accept(training, heldOut);
        }
    }
}
