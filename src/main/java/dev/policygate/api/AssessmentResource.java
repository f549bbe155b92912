package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.report.AssessmentReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {
    @Inject
    AssessmentService assessments;
    @Inject
    PolicyInputs inputs;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assess(AssessmentRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send {\"text\": \"...\"} as JSON or a multipart file.");
        }
        return created(assessments.assess(inputs.fromText(request.text(), request.format()), request.title(),
                request.ruleSetVersion(), request.appId(), request.versionLabel()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response assessUpload(@RestForm("file") FileUpload file, @RestForm String format,
                                 @RestForm String title, @RestForm String ruleSetVersion,
                                 @RestForm String appId, @RestForm String versionLabel) {
        return created(assessments.assess(inputs.fromUpload(file, format), title, Versions.parse(ruleSetVersion),
                appId, versionLabel));
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

    private Response created(AssessmentReport report) {
        return Response.created(uri.getBaseUriBuilder().path("api/v1/assessments").path(report.id().toString()).build())
                .entity(report).build();
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Assessment " + id + " does not exist.");
        }
    }
}
