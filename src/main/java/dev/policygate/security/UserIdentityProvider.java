package dev.policygate.security;

import dev.policygate.persistence.UserDirectory;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Checks user name and password (basic auth and the portal's form login) against {@link UserDirectory}. */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    UserDirectory users;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String name = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            return users.authenticate(name, password)
                    .map(roles -> Identities.of(name, roles))
                    .orElseThrow(AuthenticationFailedException::new);
        });
    }
}
