package dev.policygate.facts;

/** The outcome of one obligation for one policy. */
public enum Status {
    MET, PARTIAL, NOT_MET,
    /** only for conditional obligations whose condition is absent from the policy */
    NOT_APPLICABLE
}
