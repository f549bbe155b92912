package dev.policygate.rules.sandbox;

/**
 * Thrown inside rule code when its evaluation's {@link RuleBudget} is spent. An {@link Error}, and rule code may not
 * catch {@code Error} or {@code Throwable} (the bytecode verifier rejects such handlers), so a rule cannot swallow it.
 */
public final class RuleBudgetExceeded extends Error {
    public enum Kind { STEPS, TIME, MEMORY, OUTSIDE_EVALUATION }

    private final Kind kind;

    RuleBudgetExceeded(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
