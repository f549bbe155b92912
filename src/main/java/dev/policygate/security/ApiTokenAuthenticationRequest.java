package dev.policygate.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of an API token, as sent in {@code Authorization: Bearer pgt_...}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {
    private final String secret;

    public ApiTokenAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
