package dev.policygate.api;

/** A policy sent as JSON: its text, format (text or html; null means text), an optional title and version. */
public record AssessmentRequest(String text, String format, String title, Integer ruleSetVersion) {
}
