package dev.policygate.api;

import dev.policygate.persistence.ObligationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * Obligations of a rule-set version (the active one unless {@code ruleSetVersion} is given). Every change
 * creates a new, not yet active rule-set version; activate it through {@code /rulesets/{version}/activate}.
 */
@Path("/api/v1/obligations")
@Produces(MediaType.APPLICATION_JSON)
public class ObligationResource {
    @Inject
    ObligationService obligations;
    @Context
    SecurityContext security;

    @GET
    public List<ObligationService.ObligationView> list(@QueryParam("ruleSetVersion") Integer version) {
        return obligations.list(version);
    }

    /** Answers the ETag of the revision shown; send it back in If-Match to change the obligation. */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @QueryParam("ruleSetVersion") Integer version) {
        ObligationService.ObligationView o = obligations.get(id, version);
        return Response.ok(o).header(HttpHeaders.ETAG, IfMatch.obligationTag(o.revision())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rule-author")
    public Response create(ObligationInput input) {
        ObligationService.Change change = obligations.create(body(input).toObligation(null), user());
        return Response.created(UriBuilder.fromPath("/api/v1/obligations/{id}").queryParam("ruleSetVersion",
                        change.ruleSetVersion()).build(change.obligationId()))
                .header(HttpHeaders.ETAG, IfMatch.obligationTag(change.revision())).entity(change).build();
    }

    /** Requires If-Match with the ETag of the obligation in the latest rule-set version (428 without, 412 stale). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rule-author")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           ObligationInput input) {
        ObligationService.Change change = obligations.update(body(input).toObligation(id), new IfMatch(ifMatch),
                user());
        return Response.ok(change).header(HttpHeaders.ETAG, IfMatch.obligationTag(change.revision())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("rule-author")
    public ObligationService.Change disable(@PathParam("id") String id,
                                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return obligations.disable(id, new IfMatch(ifMatch), user());
    }

    private static ObligationInput body(ObligationInput input) {
        if (input == null) {
            throw new ProblemException(400, "Missing body", "Send the obligation as JSON.");
        }
        return input;
    }

    private String user() {
        return Callers.of(security);
    }
}
