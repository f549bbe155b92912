package dev.policygate.rules;

/** How much an obligation weighs in the score; the weights here are defaults that {@code scoring.yaml} may override. */
public enum Severity {
    CRITICAL(3), MAJOR(2), MINOR(1);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
