package dev.policygate.security;

import java.time.Duration;

/**
 * Too many failed logins for a user name or a client address: answered 429 with Retry-After (api.AuthProblems)
 * before any password is checked. Not an {@code AuthenticationFailedException}, which would become a 401
 * challenge.
 */
public class LoginThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public LoginThrottledException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
