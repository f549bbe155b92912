package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.compare.PolicyComparer;
import dev.policygate.compare.PolicyComparison;
import dev.policygate.persistence.RuleSetService;
import dev.policygate.report.AssessmentReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** What changed between two versions of a policy (see {@link PolicyComparison}); nothing new is stored for ids. */
@Path("/api/v1/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComparisonResource {
    @Inject
    AssessmentService assessments;
    @Inject
    PolicyInputs inputs;
    @Inject
    RuleSetService ruleSets;

    @POST
    public PolicyComparison compare(ComparisonRequest r) {
        if (r == null) {
            throw new ProblemException(400, "Missing body", "Send {\"before\": id, \"after\": id}, "
                    + "{\"beforeText\": ..., \"afterText\": ...} or {\"appId\": ...}.");
        }
        boolean ids = r.before() != null || r.after() != null;
        boolean texts = r.beforeText() != null || r.afterText() != null;
        if (ids && texts) {
            throw new ProblemException(400, "Ambiguous comparison", "Give either two assessment ids or two texts, not both.");
        }
        if (ids) {
            if (r.before() == null || r.after() == null) {
                throw new ProblemException(400, "Missing assessment", "Give both 'before' and 'after' assessment ids.");
            }
            return PolicyComparer.compare(assessments.find(AssessmentResource.parseId(r.before())),
                    assessments.find(AssessmentResource.parseId(r.after())));
        }
        if (texts) {
            if (r.beforeText() == null || r.afterText() == null) {
                throw new ProblemException(400, "Missing text", "Give both 'beforeText' and 'afterText'.");
            }
            // both against one version, even if another is activated in between
            int version = r.ruleSetVersion() == null ? ruleSets.activeVersion() : r.ruleSetVersion();
            var beforeDoc = inputs.fromText(r.beforeText(), r.format());
            var afterDoc = inputs.fromText(r.afterText(), r.format());
            AssessmentReport before = assessments.assess(beforeDoc, r.title(), version, r.appId(), r.beforeLabel());
            AssessmentReport after = assessments.assess(afterDoc, r.title(), version, r.appId(), r.afterLabel());
            return PolicyComparer.compare(before, after);
        }
        if (r.appId() != null) {
            List<AssessmentReport> two = assessments.latestTwo(r.appId());
            return PolicyComparer.compare(two.get(0), two.get(1));
        }
        throw new ProblemException(400, "Nothing to compare", "Give two assessment ids ('before', 'after'), two texts "
                + "('beforeText', 'afterText') or an 'appId'.");
    }
}
