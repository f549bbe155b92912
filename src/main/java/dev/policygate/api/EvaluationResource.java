package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.assess.PolicyAssessor;
import dev.policygate.facts.Fact;
import dev.policygate.report.ReportedFinding;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Evaluates facts produced elsewhere (e.g. by {@code /extractions} or a pipeline's own extractor). */
@Path("/api/v1/evaluations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {
    @Inject
    AssessmentService assessments;

    public record EvaluationRequest(List<Fact> facts, Integer ruleSetVersion) {
    }

    public record EvaluationResponse(int ruleSetVersion, double score, String verdict, List<ReportedFinding> findings) {
    }

    @POST
    public EvaluationResponse evaluate(EvaluationRequest request) {
        if (request == null || request.facts() == null) {
            throw new ProblemException(400, "Missing facts", "Send {\"facts\": [...]} as returned by /api/v1/extractions.");
        }
        if (request.facts().stream().anyMatch(f -> f == null)) {
            throw new ProblemException(400, "Invalid facts", "facts must not contain null entries.");
        }
        AssessmentService.Evaluated evaluated = assessments.evaluate(request.facts(), request.ruleSetVersion());
        PolicyAssessor.Result r = evaluated.result();
        return new EvaluationResponse(evaluated.ruleSetVersion(), r.score().score(), r.score().verdict().name(),
                assessments.reported(evaluated));
    }
}
