package dev.policygate.rules;

/** An evaluation that was stopped: too many rule firings, too long, a rule that exhausted the stack or memory, a rule that threw, or an overloaded evaluator. */
public class RuleExecutionException extends RuntimeException {
    public enum Reason { FIRING_LIMIT, TIME_LIMIT, RESOURCE_LIMIT, RULE_ERROR, OVERLOADED, INTERRUPTED }

    private final Reason reason;

    public RuleExecutionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
