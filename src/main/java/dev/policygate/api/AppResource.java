package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The history of one app's policy: every assessment that carried its {@code appId}, oldest first. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {
    @Inject
    AssessmentService assessments;

    public record History(String appId, List<AssessmentService.Summary> assessments) {
    }

    @GET
    @Path("/{appId}/assessments")
    public History history(@PathParam("appId") String appId) {
        List<AssessmentService.Summary> items = assessments.history(appId);
        if (items.isEmpty()) {
            throw ProblemException.notFound("No assessment carries appId " + appId + ".");
        }
        return new History(items.get(0).appId(), items);
    }
}
