package dev.policygate.api;

import dev.policygate.persistence.UserDirectory;
import dev.policygate.persistence.UserDirectory.UserView;
import dev.policygate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/** Users of the embedded default, managed by admins; every change goes to the audit log. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {
    @Inject
    UserDirectory users;
    @Context
    SecurityContext security;

    /** A new user (all fields) or a change (password and/or roles; absent fields stay as they are). */
    public record UserInput(String username, String password, List<String> roles) {
    }

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("/{username}")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserInput input) {
        if (input == null) {
            throw new ProblemException(400, "Missing body", "Send {\"username\", \"password\", \"roles\"} as JSON.");
        }
        UserView created = users.create(input.username(), input.password(), input.roles(), actor());
        return Response.created(UriBuilder.fromPath("/api/v1/users/{u}").build(created.username()))
                .entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("username") String username, UserInput input) {
        if (input == null || (input.password() == null && input.roles() == null)) {
            throw new ProblemException(400, "Nothing to change", "Send a new \"password\" and/or \"roles\" as JSON.");
        }
        if (input.username() != null && !input.username().equals(username)) {
            throw new ProblemException(400, "Username mismatch", "A user cannot be renamed; create a new one.");
        }
        return users.update(username, input.password(), input.roles(), actor());
    }

    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username) {
        users.delete(username, actor());
        return Response.noContent().build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }
}
