package dev.policygate.rules;

/** An evaluation that was stopped: too many rule firings, too long, a rule that exhausted the stack or memory, a rule that threw, or an overloaded evaluator. */
public class RuleExecutionException extends RuntimeException {
    /**
     * STEP_LIMIT: the rules' own code exceeded its step budget (deterministic: the rules' fault, whatever the load);
     * TIME_LIMIT: the evaluation ran out of wall-clock time; RESOURCE_LIMIT: a rule exhausted its memory budget, the
     * memory or the stack.
     */
    public enum Reason { FIRING_LIMIT, STEP_LIMIT, TIME_LIMIT, RESOURCE_LIMIT, RULE_ERROR, OVERLOADED, INTERRUPTED }

    private final Reason reason;

    public RuleExecutionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
