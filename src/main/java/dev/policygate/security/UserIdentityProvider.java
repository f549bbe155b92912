package dev.policygate.security;

import dev.policygate.persistence.UserDirectory;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks user name and password (basic auth and the portal's form login) against {@link UserDirectory}, after
 * {@link LoginThrottle} lets the attempt through: a throttled attempt is refused before bcrypt runs.
 */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    UserDirectory users;
    @Inject
    LoginThrottle throttle;
    @Inject
    LoginAudit loginAudit;

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
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            String address = rc == null || rc.request().remoteAddress() == null ? null
                    : rc.request().remoteAddress().hostAddress();
            try {
                throttle.check(name, address);
            } catch (LoginThrottledException e) {
                loginAudit.throttled(name, rc, e);
                throw e;
            }
            return users.authenticate(name, password).map(roles -> {
                throttle.succeeded(name);
                return Identities.of(name, roles);
            }).orElseThrow(() -> {
                throttle.failed(name, address);
                return new AuthenticationFailedException();
            });
        });
    }
}
