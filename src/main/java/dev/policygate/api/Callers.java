package dev.policygate.api;

import jakarta.ws.rs.core.SecurityContext;

/** Who sent a request, for scoping what it stores (e.g. its Idempotency-Keys): the user, or "anonymous". */
final class Callers {
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    static String of(SecurityContext security) {
        return security.getUserPrincipal() == null ? ANONYMOUS : security.getUserPrincipal().getName();
    }
}
