package dev.policygate.api;

import dev.policygate.persistence.ObligationService;
import dev.policygate.persistence.RuleSetService;
import dev.policygate.persistence.RuleSetVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    @Inject
    RuleSetService ruleSets;
    @Inject
    ObligationService obligations;
    @Context
    SecurityContext security;

    public record Entry(String obligationId, int revision, String contentSha256) {
    }

    public record RuleSetView(int version, String sha256, String author, String comment, String source,
                              OffsetDateTime createdAt, boolean active, boolean compiledHere, int obligationCount,
                              List<Entry> obligations) {
    }

    @GET
    public List<RuleSetView> list() {
        int active = ruleSets.activeVersion();
        return ruleSets.versions().stream().map(v -> view(v, active, ruleSets.isCompiled(v.version), false)).toList();
    }

    @GET
    @Path("/{version}")
    public jakarta.ws.rs.core.Response get(@PathParam("version") int version) {
        RuleSetVersion v = ruleSets.version(version);
        // a version never changes once stored: its hash is its entity tag
        return jakarta.ws.rs.core.Response.ok(view(v, ruleSets.activeVersion(), ruleSets.isCompiled(version), true))
                .header(jakarta.ws.rs.core.HttpHeaders.ETAG, IfMatch.ruleSetTag(v.sha256)).build();
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed("admin")
    public RuleSetView activate(@PathParam("version") int version,
                                @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, String body) {
        // JSON or no body only: a form post from another site (which a browser may send cross-origin without a
        // preflight) must not activate anything
        if (body != null && !body.isBlank() && (contentType == null || !isJson(contentType))) {
            throw new ProblemException(415, "Unsupported media type",
                    "Activation takes no body, or a JSON one; got " + contentType + ".");
        }
        ruleSets.activate(version, security.getUserPrincipal().getName());
        return view(ruleSets.version(version), version, true, true);
    }

    private static boolean isJson(String contentType) {
        try {
            return MediaType.APPLICATION_JSON_TYPE.isCompatible(MediaType.valueOf(contentType.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Compiles a submitted obligation with the latest rule set and runs its tests; stores nothing. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rule-author")
    public ObligationService.Validation validate(ObligationInput input) {
        if (input == null) {
            throw new ProblemException(400, "Missing body", "Send the obligation (at least id and drl) as JSON.");
        }
        return obligations.validate(input);
    }

    private static RuleSetView view(RuleSetVersion v, int active, boolean compiled, boolean withEntries) {
        List<Entry> entries = withEntries
                ? v.revisions.stream().map(r -> new Entry(r.obligationId, r.revision, r.contentSha256)).toList()
                : null;
        return new RuleSetView(v.version, v.sha256, v.author, v.comment, v.source, v.createdAt, v.version == active,
                compiled, v.revisions.size(), entries);
    }
}
