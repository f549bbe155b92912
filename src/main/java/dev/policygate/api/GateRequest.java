package dev.policygate.api;

import dev.policygate.report.AssessmentReport;
import dev.policygate.report.Waiver;
import java.util.List;

/**
 * {@code POST /api/v1/gate} as JSON: the policy as for an assessment, plus the gate's thresholds.
 *
 * @param failUnder     fail when the score is below this (0-100; default {@code policygate.gate.fail-under})
 * @param require       obligation IDs that must be MET (or NOT_APPLICABLE)
 * @param partialPasses whether PARTIAL satisfies a requirement (default false)
 * @param failOnVerdict NON_COMPLIANT (default), NEEDS_REVISION or NONE
 * @param waivers       accepted findings until their expiry (see {@link Waiver}; {@code files} matches the title)
 * @param baseline      an assessment accepted earlier (as the API or {@code check --format json} returned it):
 *                      fail only on what got worse than in it
 */
public record GateRequest(String text, String format, String title, Integer ruleSetVersion, Double failUnder,
                          List<String> require, Boolean partialPasses, String failOnVerdict, List<Waiver> waivers,
                          AssessmentReport baseline) {
}
