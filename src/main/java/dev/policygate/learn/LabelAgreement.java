package dev.policygate.learn;

import dev.policygate.facts.Area;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far the annotators agree with themselves: every sentence that occurs word for word in several labelled
 * policies gives, for each pair of those policies, the areas one annotation gave it against the areas the other gave
 * it. The F1 of those pairs is the score an extractor that agrees with one annotation could expect against the other,
 * so it bounds what {@code policygate eval} can meaningfully ask of extraction.
 */
public final class LabelAgreement {
    /** Shorter sentences (headings, list numbers) are left out: their labels follow their section, not their words. */
    public static final int MIN_CHARS = 10;

    private final AreaScores scores;
    private final int pairs;

    private LabelAgreement(AreaScores scores, int pairs) {
        this.scores = scores;
        this.pairs = pairs;
    }

    public static LabelAgreement of(List<LabelledPolicy> policies) {
        // text -> its areas in each policy that holds it (the first occurrence in a policy)
        Map<String, Map<String, Set<Area>>> byText = new LinkedHashMap<>();
        for (LabelledPolicy p : policies) {
            for (int i = 0; i < p.size(); i++) {
                String text = p.texts().get(i).strip();
                if (text.length() >= MIN_CHARS) {
                    byText.computeIfAbsent(text, k -> new LinkedHashMap<>()).putIfAbsent(p.name(), p.areas().get(i));
                }
            }
        }
        AreaScores scores = new AreaScores();
        int pairs = 0;
        for (Map<String, Set<Area>> annotations : byText.values()) {
            List<Set<Area>> labels = new ArrayList<>(annotations.values());
            for (int a = 0; a < labels.size(); a++) {
                for (int b = a + 1; b < labels.size(); b++) {
                    scores.add(labels.get(a), labels.get(b));
                    pairs++;
                }
            }
        }
        return new LabelAgreement(scores, pairs);
    }

    /** Per area: one annotation scored against the other (symmetric in F1). */
    public AreaScores scores() {
        return scores;
    }

    /** How many pairs of annotations of the same sentence were compared. */
    public int pairs() {
        return pairs;
    }
}
