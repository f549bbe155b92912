package dev.policygate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Finding;
import dev.policygate.facts.Status;
import dev.policygate.ingest.Ingestor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the rule tests shipped with a rule set ({@code <pack>/<ID>.tests.yaml}), like {@code opa test}:
 *
 * <pre>
 * cases:
 *   - name: company named as operator
 *     text: |                          # a policy snippet: Ingestor → FactExtractor → rules
 *       本应用由北京示例科技有限公司（以下简称“我们”）运营。
 *     expect: MET
 *   - name: handler fact
 *     facts:                           # facts given directly (JSON/YAML objects with a "type" property)
 *       - {type: Handler, name: 北京示例科技有限公司}
 *     expect: MET
 * </pre>
 *
 * Every case is evaluated against the whole rule set (so each case also checks that every other obligation
 * still yields exactly one status) and the case's obligation's status is compared with {@code expect}.
 */
public final class RuleTestRunner {
    private final RuleEvaluator evaluator;
    private final Function<String, List<? extends Fact>> textToFacts;

    /** Uses {@code new Ingestor().ingestText(text)} and {@code new FactExtractor().extract(doc)} for text cases. */
    public RuleTestRunner(RuleEvaluator evaluator) {
        this(evaluator, text -> new FactExtractor().extract(new Ingestor().ingestText(text)));
    }

    public RuleTestRunner(RuleEvaluator evaluator, Function<String, List<? extends Fact>> textToFacts) {
        this.evaluator = evaluator;
        this.textToFacts = textToFacts;
    }

    /** One parsed case; exactly one of {@code text} and {@code facts} is set. */
    public record TestCase(String obligationId, String name, RuleTestResult.Kind kind, Status expected,
                           String text, List<Fact> facts) {
    }

    /** Compiles the pack and runs all its cases. */
    public List<RuleTestResult> run(RulePack pack) {
        return run(new RuleCompiler().compile(pack), (RuleTestResult.Kind) null);
    }

    /** Runs the cases of the given kind (null: all) of every obligation of a compiled rule set. */
    public List<RuleTestResult> run(CompiledRuleSet rs, RuleTestResult.Kind kind) {
        List<RuleTestResult> out = new ArrayList<>();
        for (Obligation o : rs.obligations()) {
            List<TestCase> cases;
            try {
                cases = cases(o);
            } catch (IllegalArgumentException e) {
                out.add(new RuleTestResult(o.id(), "(tests file)", kind == null ? RuleTestResult.Kind.FACTS : kind,
                        null, null, false, null, null, e.getMessage(), List.of()));
                continue;
            }
            for (TestCase c : cases) {
                if (kind == null || c.kind() == kind) {
                    out.add(runCase(rs, c));
                }
            }
        }
        return out;
    }

    public RuleTestResult runCase(CompiledRuleSet rs, TestCase c) {
        List<? extends Fact> facts;
        try {
            facts = c.kind() == RuleTestResult.Kind.TEXT ? textToFacts.apply(c.text()) : c.facts();
        } catch (RuntimeException e) {
            return fail(c, "text could not be read: " + e.getMessage());
        }
        Finding finding;
        List<String> other = new ArrayList<>();
        try {
            EvaluatedFinding f = evaluator.evaluate(rs, facts).finding(c.obligationId()).orElse(null);
            if (f == null) {
                return fail(c, "the rule set has no obligation " + c.obligationId());
            }
            finding = new Finding(f.id(), f.status(), f.rationaleZh(), f.rationaleEn(), f.citations(), f.lookedIn());
        } catch (RuleSetDefectException e) {
            List<String> mine = new ArrayList<>();
            for (RuleSetDefect d : e.defects()) {
                (c.obligationId().equals(d.obligationId()) ? mine : other).add(d.toString());
            }
            if (!mine.isEmpty()) {
                return new RuleTestResult(c.obligationId(), c.name(), c.kind(), c.expected(), null, false, null, null,
                        String.join("; ", mine), other);
            }
            finding = e.findings().get(c.obligationId());
            if (finding == null) {
                return fail(c, "no finding");
            }
        } catch (RuleExecutionException e) {
            return fail(c, e.getMessage());
        }
        return new RuleTestResult(c.obligationId(), c.name(), c.kind(), c.expected(), finding.status(),
                finding.status() == c.expected(), finding.rationaleZh(), finding.rationaleEn(), null, other);
    }

    private static RuleTestResult fail(TestCase c, String error) {
        return new RuleTestResult(c.obligationId(), c.name(), c.kind(), c.expected(), null, false, null, null,
                error, List.of());
    }

    /** Parses an obligation's tests; an obligation without tests has no cases. */
    public static List<TestCase> cases(Obligation o) {
        if (o.tests() == null || o.tests().isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = RulePackLoader.YAML.readTree(o.tests());
        } catch (Exception e) {
            throw new IllegalArgumentException(o.id() + ".tests.yaml: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("cases");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(o.id() + ".tests.yaml: 'cases' (a list) missing");
        }
        List<TestCase> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            i++;
            String name = n.hasNonNull("name") ? n.get("name").asText() : "case " + i;
            String where = o.id() + ".tests.yaml case '" + name + "': ";
            Status expect;
            try {
                expect = Status.valueOf(n.path("expect").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "expect must be one of MET, PARTIAL, NOT_MET, NOT_APPLICABLE");
            }
            boolean hasText = n.hasNonNull("text");
            boolean hasFacts = n.has("facts");
            if (hasText == hasFacts) {
                throw new IllegalArgumentException(where + "give exactly one of 'text' and 'facts'");
            }
            if (hasText) {
                out.add(new TestCase(o.id(), name, RuleTestResult.Kind.TEXT, expect, n.get("text").asText(), null));
            } else {
                List<Fact> facts = new ArrayList<>();
                JsonNode fs = n.get("facts");
                if (fs != null && !fs.isNull()) {
                    if (!fs.isArray()) {
                        throw new IllegalArgumentException(where + "'facts' must be a list");
                    }
                    for (JsonNode f : fs) {
                        try {
                            facts.add(RulePackLoader.YAML.treeToValue(f, Fact.class));
                        } catch (Exception e) {
                            throw new IllegalArgumentException(where + "bad fact " + f + ": " + e.getMessage(), e);
                        }
                    }
                }
                out.add(new TestCase(o.id(), name, RuleTestResult.Kind.FACTS, expect, null, List.copyOf(facts)));
            }
        }
        return out;
    }
}
