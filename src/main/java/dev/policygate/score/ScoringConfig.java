package dev.policygate.score;

import dev.policygate.rules.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;

/**
 * The scoring part of a rule set ({@code rules/scoring.yaml}).
 *
 * <pre>
 * weights: {CRITICAL: 3, MAJOR: 2, MINOR: 1}
 * credit: {MET: 1.0, PARTIAL: 0.5}          # NOT_MET is 0, NOT_APPLICABLE is excluded
 * verdict:
 *   compliant:    {minScore: 85, maxCriticalNotMet: 0}   # COMPLIANT: score >= 85 and critical NOT_MET <= 0
 *   nonCompliant: {belowScore: 60, minCriticalNotMet: 2} # NON_COMPLIANT: score < 60 or critical NOT_MET >= 2
 * </pre>
 */
public record ScoringConfig(Map<Severity, Integer> weights, double creditMet, double creditPartial,
                            double compliantMinScore, int compliantMaxCriticalNotMet,
                            double nonCompliantBelowScore, int nonCompliantMinCriticalNotMet) {

    public ScoringConfig {
        Objects.requireNonNull(weights, "weights");
        EnumMap<Severity, Integer> w = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            w.put(s, weights.getOrDefault(s, s.weight()));
        }
        weights = Map.copyOf(w);
        List<String> problems = problems(weights, creditMet, creditPartial, compliantMinScore,
                nonCompliantBelowScore, compliantMaxCriticalNotMet, nonCompliantMinCriticalNotMet);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scoring config: " + String.join("; ", problems));
        }
    }

    /** The catalogue's configuration: weights 3/2/1, MET 1, PARTIAL 0.5, COMPLIANT ≥ 85 and no critical NOT_MET, NON_COMPLIANT &lt; 60 or ≥ 2 critical NOT_MET. */
    public static ScoringConfig defaults() {
        return new ScoringConfig(Map.of(), 1.0, 0.5, 85, 0, 60, 2);
    }

    public int weight(Severity severity) {
        return weights.get(severity);
    }

    private static List<String> problems(Map<Severity, Integer> weights, double met, double partial,
                                         double compliantMin, double nonCompliantBelow,
                                         int maxCritical, int minCritical) {
        List<String> p = new ArrayList<>();
        weights.forEach((s, v) -> {
            if (v == null || v < 0) {
                p.add("weight of " + s + " must be >= 0");
            }
        });
        if (!(met >= 0 && met <= 1)) p.add("credit MET must be in [0, 1]");
        if (!(partial >= 0 && partial <= met)) p.add("credit PARTIAL must be in [0, credit MET]");
        if (!(compliantMin >= 0 && compliantMin <= 100)) p.add("compliant.minScore must be in [0, 100]");
        if (!(nonCompliantBelow >= 0 && nonCompliantBelow <= compliantMin)) {
            p.add("nonCompliant.belowScore must be in [0, compliant.minScore]");
        }
        if (maxCritical < 0) p.add("compliant.maxCriticalNotMet must be >= 0");
        if (minCritical <= maxCritical) p.add("nonCompliant.minCriticalNotMet must be > compliant.maxCriticalNotMet");
        return p;
    }
}
