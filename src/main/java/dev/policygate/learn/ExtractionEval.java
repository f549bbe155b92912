package dev.policygate.learn;

import dev.policygate.extract.FactAreas;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Area;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Measures extraction on labelled policies: a sentence counts as detected for an area when a fact of that area
 * ({@link FactAreas}) cites it, i.e. one of the fact's citations overlaps the sentence.
 */
public final class ExtractionEval {
    private ExtractionEval() {
    }

    /** The counts of one policy, given the facts extracted from its document. */
    public static AreaScores score(LabelledPolicy policy, List<Fact> facts) {
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
        AreaScores scores = new AreaScores();
        for (int i = 0; i < policy.size(); i++) {
            scores.add(policy.areas().get(i), found.get(i));
        }
        return scores;
    }

    /** Every policy extracted by one extractor. */
    public static AreaScores evaluate(List<LabelledPolicy> policies, FactExtractor extractor) {
        AreaScores total = new AreaScores();
        for (LabelledPolicy p : policies) {
            total.addAll(score(p, extractor.extract(p.document())));
        }
        return total;
    }

    /**
     * Cross-validation by policy: policy {@code i} (in the given order) is in fold {@code i % folds}; each fold is
     * extracted by the extractor that {@code train} builds from the other folds' policies only, so every
     * sentence is scored by a model that never saw its policy.
     */
    public static AreaScores crossValidate(List<LabelledPolicy> policies, int folds,
                                           Function<List<LabelledPolicy>, FactExtractor> train) {
        if (folds < 2 || folds > policies.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of policies ("
                    + policies.size() + "), not " + folds);
        }
        AreaScores total = new AreaScores();
        for (int k = 0; k < folds; k++) {
            List<LabelledPolicy> training = new ArrayList<>();
            List<LabelledPolicy> heldOut = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                (i % folds == k ? heldOut : training).add(policies.get(i));
            }
            total.addAll(evaluate(heldOut, train.apply(training)));
        }
        return total;
    }
}
