package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.persistence.IdempotencyKeys;
import dev.policygate.report.AssessmentReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    @Inject
    AssessmentService assessments;
    @Inject
    PolicyInputs inputs;
    @Inject
    AppInputs apps;
    @Context
    UriInfo uri;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    IdempotencyKeys idempotency;
    @Context
    SecurityContext security;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** With an {@code Idempotency-Key}, a retry of the same request answers the assessment stored the first time. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assess(AssessmentRequest request, @QueryParam("view") String view,
                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        boolean summary = AssessmentSummary.summary(view);
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send {\"text\": \"...\"} as JSON or a multipart file.");
        }
        String digest = idempotencyKey == null ? null : RequestDigest.of("assessments").addJson(request).sha256();
        return created(once(idempotencyKey, digest, () -> {
            var appFacts = apps.facts(request.appProfile());
            return assessments.assess(inputs.fromText(request.text(), request.format()), request.title(),
                    request.ruleSetVersion(), request.appId(), request.versionLabel(), appFacts);
        }), summary);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response assessUpload(@RestForm("file") FileUpload file, @RestForm String format,
                                 @RestForm String title, @RestForm String ruleSetVersion,
                                 @RestForm String appId, @RestForm String versionLabel,
                                 @RestForm("apk") FileUpload apk, @RestForm String appProfile,
                                 @QueryParam("view") String view,
                                 @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        boolean summary = AssessmentSummary.summary(view);
        String digest = idempotencyKey == null ? null : RequestDigest.of("assessments").add(file).add(format)
                .add(title).add(ruleSetVersion).add(appId).add(versionLabel).add(apk).add(appProfile).sha256();
        return created(once(idempotencyKey, digest, () -> {
            var appFacts = apps.facts(apk, appProfile);
            return assessments.assess(inputs.fromUpload(file, format), title, Versions.parse(ruleSetVersion),
                    appId, versionLabel, appFacts);
        }), summary);
    }

    private AssessmentReport once(String key, String requestSha256, Supplier<AssessmentReport> assess) {
        return idempotency.once(Callers.of(security), key, requestSha256, assess, AssessmentReport::id,
                assessments::find);
    }

    @GET
    @Path("/{id}")
    public AssessmentReport get(@PathParam("id") String id) {
        return assessments.find(parseId(id));
    }

    @GET
    public AssessmentService.Page list(@QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ProblemException(400, "Bad page", "page must be ≥ 0 and size between 1 and 200.");
        }
        return assessments.list(page, size);
    }

    /**
     * The body is written as a String and encoded once: Jackson's UTF-8 generator encodes Chinese text a character
     * at a time, which was a third of the CPU of an assessment (JFR, bench/throughput.sh); same JSON either way.
     */
    private Response created(AssessmentReport report, boolean summary) {
        byte[] body;
        try {
            body = json.writeValueAsString(summary ? AssessmentSummary.of(report) : report)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("assessment " + report.id() + " could not be written as JSON", e);
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/assessments").path(report.id().toString()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Assessment " + id + " does not exist.");
        }
    }
}
