package dev.policygate.rules;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of evaluating one policy's facts: one finding per obligation, in catalogue order, and the
 * number of rule firings, the steps of rule code they took (see {@code RuleBudget}) and the time it took.
 */
public record Evaluation(List<EvaluatedFinding> findings, int firings, long steps, long durationMicros) {
    public Evaluation {
        findings = List.copyOf(findings);
    }

    public Optional<EvaluatedFinding> finding(String obligationId) {
        return findings.stream().filter(f -> f.id().equals(obligationId)).findFirst();
    }
}
