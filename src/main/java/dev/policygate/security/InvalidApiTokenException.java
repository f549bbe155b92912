package dev.policygate.security;

/**
 * A bearer token that is unknown, expired, revoked or whose user can no longer use it. Not an
 * {@code AuthenticationFailedException}: that would become a bare basic-auth challenge, while the API answers
 * 401 problem+json that says what is wrong (api.AuthProblems).
 */
public class InvalidApiTokenException extends RuntimeException {
    public InvalidApiTokenException() {
        super("The API token is unknown, expired or revoked, or its user no longer has the roles of its scopes.");
    }
}
