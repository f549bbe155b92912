package dev.policygate.api;

import dev.policygate.persistence.ApiTokens;
import dev.policygate.persistence.ApiTokens.CreatedToken;
import dev.policygate.persistence.ApiTokens.TokenView;
import dev.policygate.security.Identities;
import dev.policygate.security.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * API tokens: a user makes tokens for themself (an admin for anyone), lists and revokes them. The secret is in
 * the answer to POST only.
 */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TokenResource {
    @Inject
    ApiTokens tokens;
    @Inject
    SecurityIdentity identity;

    /** {@code user}: whose token (default: the caller); {@code expiresInDays}: 1 to 365, default 90. */
    public record TokenInput(String name, List<String> scopes, Integer expiresInDays, String user) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TokenInput input) {
        if (input == null) {
            throw new ProblemException(400, "Missing body", "Send {\"name\", \"scopes\", \"expiresInDays\"} as JSON.");
        }
        if (Identities.byToken(identity)) {
            // a token must not mint tokens: a leaked one would outlive its revocation
            throw new ProblemException(403, "Password needed", "API tokens are made with a user's password, not with a token.");
        }
        String owner = input.user() == null ? caller() : input.user();
        if (!owner.equals(caller()) && !admin()) {
            throw new ProblemException(403, "Forbidden", "Only an admin may make a token for another user.");
        }
        CreatedToken created = tokens.create(owner, input.name(), input.scopes(), input.expiresInDays(), caller());
        return Response.created(UriBuilder.fromPath("/api/v1/tokens/{id}").build(created.id())).entity(created).build();
    }

    /** The caller's tokens; an admin sees everyone's, or one user's with {@code ?user=}. */
    @GET
    public List<TokenView> list(@QueryParam("user") String user) {
        if (admin()) {
            return tokens.list(user);
        }
        if (user != null && !user.equals(caller())) {
            throw new ProblemException(403, "Forbidden", "Only an admin may list another user's tokens.");
        }
        return tokens.list(caller());
    }

    @GET
    @Path("/{id}")
    public TokenView get(@PathParam("id") long id) {
        return tokens.get(id, caller(), admin());
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id, caller(), admin());
        return Response.noContent().build();
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }
}
