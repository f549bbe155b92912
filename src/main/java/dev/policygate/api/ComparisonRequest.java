package dev.policygate.api;

/**
 * {@code POST /api/v1/comparisons}: two stored assessments ({@code before}, {@code after}: ids), or two texts
 * assessed (and stored) against one rule-set version, or an {@code appId} alone: its two newest assessments.
 */
public record ComparisonRequest(String before, String after, String beforeText, String afterText, String format,
                                String title, Integer ruleSetVersion, String appId, String beforeLabel,
                                String afterLabel) {
}
