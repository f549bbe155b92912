package dev.policygate.score;

import java.util.List;

/**
 * The score of one evaluation.
 *
 * @param score            100 × earned / possible, rounded half-up to one decimal; the verdict is judged on
 *                         this rounded value, so the score shown is the score judged. 100.0 when no obligation
 *                         is applicable ({@code possibleWeight == 0}).
 * @param earnedWeight     Σ weight × credit over applicable obligations
 * @param possibleWeight   Σ weight over applicable obligations (NOT_APPLICABLE excluded)
 * @param criticalNotMet   IDs of critical obligations that are NOT_MET, in catalogue order
 * @param reasons          why the verdict is what it is, in English (one line per threshold that decided it)
 */
public record Score(double score, Verdict verdict, double earnedWeight, double possibleWeight,
                    List<String> criticalNotMet, int met, int partial, int notMet, int notApplicable,
                    List<String> reasons) {
    public Score {
        criticalNotMet = List.copyOf(criticalNotMet);
        reasons = List.copyOf(reasons);
    }
}
