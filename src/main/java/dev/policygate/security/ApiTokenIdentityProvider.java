package dev.policygate.security;

import dev.policygate.persistence.ApiTokens;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks an API token on every request: the token's user and roles are read now, so a removed user or a role
 * taken away stops the token at once, and it never grants more than its user currently has.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {
    @Inject
    ApiTokens tokens;

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.secret())
                .map(Identities::of)
                .orElseThrow(InvalidApiTokenException::new));
    }
}
