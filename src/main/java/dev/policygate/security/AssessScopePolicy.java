package dev.policygate.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Who may assess when assessing requires a login (quarkus.http.auth.permission.assess): any user who logs in
 * with a password, but of API tokens only those with the {@code assess} scope.
 */
@ApplicationScoped
public class AssessScopePolicy implements HttpSecurityPolicy {
    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        return identity.map(id -> {
            if (id.isAnonymous()) {
                return CheckResult.DENY;
            }
            Set<?> scopes = id.getAttribute(Identities.TOKEN_SCOPES);
            return scopes == null || scopes.contains(Scopes.ASSESS) ? CheckResult.PERMIT : CheckResult.DENY;
        });
    }

    @Override
    public String name() {
        return "assess-scope";
    }
}
