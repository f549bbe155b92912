package dev.policygate.score;

import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.Evaluation;
import dev.policygate.rules.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Score = 100 × Σ(weight × credit) / Σ(weight of applicable obligations); credit MET and PARTIAL from the
 * config, NOT_MET 0, NOT_APPLICABLE excluded. Rounded half-up to one decimal with {@link BigDecimal}
 * arithmetic (deterministic); the verdict thresholds are applied to the rounded score.
 */
public final class Scorer {

    public Score score(Evaluation evaluation, ScoringConfig config) {
        return score(evaluation.findings(), config);
    }

    public Score score(List<EvaluatedFinding> findings, ScoringConfig config) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        List<String> criticalNotMet = new ArrayList<>();
        int met = 0, partial = 0, notMet = 0, na = 0;
        for (EvaluatedFinding f : findings) {
            BigDecimal w = BigDecimal.valueOf(config.weight(f.severity()));
            switch (f.status()) {
                case MET -> {
                    met++;
                    possible = possible.add(w);
                    earned = earned.add(w.multiply(BigDecimal.valueOf(config.creditMet())));
                }
                case PARTIAL -> {
                    partial++;
                    possible = possible.add(w);
                    earned = earned.add(w.multiply(BigDecimal.valueOf(config.creditPartial())));
                }
                case NOT_MET -> {
                    notMet++;
                    possible = possible.add(w);
                    if (f.severity() == Severity.CRITICAL) {
                        criticalNotMet.add(f.id());
                    }
                }
                case NOT_APPLICABLE -> na++;
            }
        }
        BigDecimal rounded = possible.signum() == 0 ? BigDecimal.valueOf(100)
                : earned.multiply(BigDecimal.valueOf(100)).divide(possible, 1, RoundingMode.HALF_UP);
        double score = rounded.setScale(1, RoundingMode.HALF_UP).doubleValue();
        List<String> reasons = new ArrayList<>();
        Verdict verdict;
        int crit = criticalNotMet.size();
        boolean lowScore = rounded.compareTo(BigDecimal.valueOf(config.nonCompliantBelowScore())) < 0;
        boolean manyCritical = crit >= config.nonCompliantMinCriticalNotMet();
        if (lowScore || manyCritical) {
            verdict = Verdict.NON_COMPLIANT;
            if (lowScore) reasons.add("score " + score + " < " + config.nonCompliantBelowScore());
            if (manyCritical) reasons.add(crit + " critical obligations NOT_MET (>= " + config.nonCompliantMinCriticalNotMet() + ")");
        } else if (rounded.compareTo(BigDecimal.valueOf(config.compliantMinScore())) >= 0
                && crit <= config.compliantMaxCriticalNotMet()) {
            verdict = Verdict.COMPLIANT;
            reasons.add("score " + score + " >= " + config.compliantMinScore() + " and " + crit
                    + " critical obligations NOT_MET (<= " + config.compliantMaxCriticalNotMet() + ")");
        } else {
            verdict = Verdict.NEEDS_REVISION;
            if (rounded.compareTo(BigDecimal.valueOf(config.compliantMinScore())) < 0) {
                reasons.add("score " + score + " < " + config.compliantMinScore());
            }
            if (crit > config.compliantMaxCriticalNotMet()) {
                reasons.add(crit + " critical obligation(s) NOT_MET: " + String.join(", ", criticalNotMet));
            }
        }
        return new Score(score, verdict, earned.doubleValue(), possible.doubleValue(), criticalNotMet,
                met, partial, notMet, na, reasons);
    }
}
