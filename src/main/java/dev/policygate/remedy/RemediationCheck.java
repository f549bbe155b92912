package dev.policygate.remedy;

import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Status;
import dev.policygate.ingest.Ingestor;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RuleTestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule test of a remediation: its model clause, with every placeholder filled by its sample value and put
 * into a minimal policy, must turn the obligation MET through the real extractor and the real rules, while the
 * same policy without the clause does not meet it.
 */
public final class RemediationCheck {
    /** The case name the check reports under, beside an obligation's own test cases. */
    public static final String CASE_NAME = "remediation: model clause turns the obligation MET";

    private final RuleEvaluator evaluator;

    public RemediationCheck(RuleEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The minimal policy: a title and one numbered section holding {@code body} (nothing when null). */
    public static String minimalPolicy(Remediation r, String body) {
        String heading = r.section() == null || r.section().isBlank() ? "其他说明" : r.section().strip();
        return "隐私政策\n一、" + heading + "\n" + (body == null ? "" : body + "\n");
    }

    /** The model clause with the sample values filled in. */
    public static String sampleClause(Remediation r) {
        return r.fill(Placeholders.samples(r));
    }

    /** One result per obligation that has a remediation; an obligation without one gets a failing result. */
    public List<RuleTestResult> run(CompiledRuleSet rs) {
        List<RuleTestResult> out = new ArrayList<>();
        for (Obligation o : rs.obligations()) {
            out.add(run(rs, o.id()));
        }
        return out;
    }

    public RuleTestResult run(CompiledRuleSet rs, String obligationId) {
        Obligation o = rs.obligation(obligationId);
        Remediation r = o == null ? null : o.remediation();
        if (r == null) {
            return result(obligationId, null, false, o == null ? "no such obligation" : "it has no remediation");
        }
        List<String> problems = new ArrayList<>(r.problems());
        List<String> missing = Placeholders.withoutSample(r);
        if (!missing.isEmpty()) {
            problems.add("no sample value for placeholder(s) " + missing + ": add them to remediation.samples");
        }
        if (!problems.isEmpty()) {
            return result(obligationId, null, false, String.join("; ", problems));
        }
        try {
            EvaluatedFinding without = evaluate(rs, obligationId, minimalPolicy(r, null));
            EvaluatedFinding with = evaluate(rs, obligationId, minimalPolicy(r, sampleClause(r)));
            if (without.status() == Status.MET) {
                return new RuleTestResult(obligationId, CASE_NAME, RuleTestResult.Kind.TEXT, Status.MET,
                        with.status(), false, with.rationaleZh(), with.rationaleEn(),
                        "the minimal policy is MET without the clause, so the case proves nothing", List.of());
            }
            return new RuleTestResult(obligationId, CASE_NAME, RuleTestResult.Kind.TEXT, Status.MET, with.status(),
                    with.status() == Status.MET, with.rationaleZh(), with.rationaleEn(), null, List.of());
        } catch (RuntimeException e) {
            return result(obligationId, null, false, e.getMessage());
        }
    }

    private EvaluatedFinding evaluate(CompiledRuleSet rs, String id, String text) {
        List<Fact> facts = new FactExtractor().extract(new Ingestor().ingestText(text));
        return evaluator.evaluate(rs, facts).finding(id)
                .orElseThrow(() -> new IllegalStateException("the rule set has no obligation " + id));
    }

    private static RuleTestResult result(String id, Status actual, boolean passed, String error) {
        return new RuleTestResult(id, CASE_NAME, RuleTestResult.Kind.TEXT, Status.MET, actual, passed, null, null,
                error, List.of());
    }
}
