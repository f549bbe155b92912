package dev.policygate.score;

public enum Verdict {
    COMPLIANT, NEEDS_REVISION, NON_COMPLIANT
}
