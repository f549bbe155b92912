package dev.policygate.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request without credentials to a protected resource: the API answers 401 problem+json (its challenge header
 * comes from {@link BasicChallengeFilter}); the portal gets its mechanism's challenge (a redirect to the login
 * page), as Quarkus would give it.
 */
public class ChallengeMapper {

    @ServerExceptionMapper(value = UnauthorizedException.class, priority = Priorities.USER)
    public Uni<Response> unauthorized(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(
                    Problem.response(401, "Unauthorized", "This needs a user: send basic-auth credentials or an API token (Authorization: Bearer pgt_...)."));
        }
        HttpAuthenticator authenticator = rc.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Response.status(401).build());
        }
        return authenticator.getChallenge(rc).map(ChallengeMapper::toResponse)
                .onFailure().recoverWithItem(Response.status(401).build());
    }

    /** An authenticated user (or API token) without the role: 403 problem+json under /api, as Quarkus elsewhere. */
    @ServerExceptionMapper(value = ForbiddenException.class, priority = Priorities.USER)
    public Response forbidden(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            return Problem.response(403, "Forbidden", "This needs a role (or, for an API token, a scope) that the"
                    + " caller does not have.");
        }
        return Response.status(403).build();
    }

    private static Response toResponse(ChallengeData challenge) {
        if (challenge == null) {
            return Response.status(401).build();
        }
        Response.ResponseBuilder r = Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> r.header(name.toString(), value));
        return r.build();
    }
}
