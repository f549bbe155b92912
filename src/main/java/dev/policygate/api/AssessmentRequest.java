package dev.policygate.api;

/**
 * A policy sent as JSON: its text, format (text or html; null means text), an optional title and rule-set
 * version, and optionally the app it belongs to ({@code appId}) with the policy's own version label, and what the
 * app does ({@code appProfile}: permissions, SDKs, observed data flows) for the app-behaviour obligations.
 */
public record AssessmentRequest(String text, String format, String title, Integer ruleSetVersion, String appId,
                                String versionLabel, dev.policygate.app.AppProfile appProfile) {
}
