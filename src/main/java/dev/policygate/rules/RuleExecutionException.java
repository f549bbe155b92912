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
    private final boolean load;

    public RuleExecutionException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, reason == Reason.OVERLOADED || reason == Reason.INTERRUPTED);
    }

    /** @param load the service's load caused it, not the input or the rules (a retry later can succeed) */
    public RuleExecutionException(Reason reason, String message, Throwable cause, boolean load) {
        super(message, cause);
        this.reason = reason;
        this.load = load;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * True when the service's load stopped the evaluation: waiting for a worker, an interrupted caller, or a time
     * limit reached while the rules got too little CPU to have used it up themselves. The same request may succeed
     * later; the input and the rules are not at fault.
     */
    public boolean causedByLoad() {
        return load;
    }
}
