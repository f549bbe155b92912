package dev.policygate.rules;

/** A defect of a rule set that showed while evaluating facts (not a property of the policy). */
public record RuleSetDefect(String obligationId, Kind kind, String message) {
    public enum Kind {
        /** an obligation of the rule set produced no finding */
        MISSING_FINDING,
        /** one obligation produced findings with different statuses */
        CONFLICTING_FINDINGS,
        /** a finding names an obligation the rule set does not have */
        UNKNOWN_OBLIGATION,
        /** NOT_APPLICABLE from an obligation that is not conditional */
        NOT_APPLICABLE_NOT_CONDITIONAL,
        /** a finding without a status */
        INVALID_FINDING
    }

    @Override
    public String toString() {
        return obligationId + ": " + kind + ": " + message;
    }
}
