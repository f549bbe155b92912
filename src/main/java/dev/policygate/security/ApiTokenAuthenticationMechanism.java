package dev.policygate.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer pgt_...} on /api: an API token instead of a password. Beside basic auth (both are
 * named in quarkus.http.auth.permission.api.auth-mechanism); a request without a bearer header is left to basic.
 */
@ApplicationScoped
public class ApiTokenAuthenticationMechanism implements HttpAuthenticationMechanism {
    static final String SCHEME = "bearer";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identityProviderManager) {
        String header = rc.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !rc.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = new ApiTokenAuthenticationRequest(header.substring(BEARER.length()).strip());
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, rc));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"policygate\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    @Override
    public int getPriority() {
        // after basic, so a 401 keeps basic's challenge (clients and curl know it)
        return DEFAULT_PRIORITY - 500;
    }
}
