package dev.policygate.security;

import dev.policygate.persistence.UserDirectory;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The portal's session cookie names a user who logged in before: their current roles come from the database,
 * so a role change or a deleted user takes effect on the next request, not at the next login.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    @Inject
    UserDirectory users;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.roles(request.getPrincipal())
                .map(roles -> Identities.of(request.getPrincipal(), roles))
                .orElseThrow(AuthenticationFailedException::new));
    }
}
