package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.Gate;
import dev.policygate.report.HtmlReport;
import dev.policygate.report.ReportFormat;
import dev.policygate.report.ReportSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/**
 * A stored assessment rendered as a report: {@code ?format=json|sarif|junit|markdown|html}. Positions in
 * SARIF refer to the normalised text (the original file is not stored). {@code failUnder}, {@code require},
 * {@code partialPasses} and {@code failOnVerdict} set the gate the report shows, as for {@code /gate}.
 */
@Path("/api/v1/assessments/{id}/report")
public class ReportResource {
    @Inject
    AssessmentService assessments;

    @GET
    public Response report(@PathParam("id") String id, @QueryParam("format") @DefaultValue("json") String format,
                           @QueryParam("failUnder") @DefaultValue("0") double failUnder,
                           @QueryParam("require") String require,
                           @QueryParam("partialPasses") @DefaultValue("false") boolean partialPasses,
                           @QueryParam("failOnVerdict") String failOnVerdict) {
        ReportFormat f;
        Gate gate;
        try {
            f = ReportFormat.parse(format);
            gate = Gate.of(failUnder, require == null ? List.of() : Arrays.stream(require.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), partialPasses,
                    Gate.FailOnVerdict.parse(failOnVerdict));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad report request", e.getMessage());
        }
        AssessmentReport report = assessments.find(AssessmentResource.parseId(id));
        String body = f.render(ReportSource.of(report), gate);
        return Response.ok(body).type(f.contentType())
                .header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY)
                .header("Content-Disposition", "inline; filename=\"assessment-" + report.id() + "." + f.extension() + "\"")
                .build();
    }
}
