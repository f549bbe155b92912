package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles the shipped rule set ({@code rules/}) and runs every fact-based rule test case. Each case is
 * evaluated against all obligations, so it also checks that every obligation yields exactly one status.
 */
class RulePackFactCasesTest {
    static RulePack pack;
    static CompiledRuleSet rs;
    static RuleEvaluator evaluator;

    @BeforeAll
    static void compile() {
        pack = RulePackLoader.load(Path.of("rules"));
        rs = new RuleCompiler().compile(pack);
        evaluator = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS, Duration.ofSeconds(10), 2, 64);
        System.out.println("[rules] compiled " + rs.obligations().size() + " obligations in " + rs.compileMillis()
                + " ms; warnings: " + rs.warnings());
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    @TestFactory
    Stream<DynamicTest> factCases() {
        List<RuleTestResult> results = new RuleTestRunner(evaluator).run(rs, RuleTestResult.Kind.FACTS);
        return results.stream().map(r -> DynamicTest.dynamicTest(r.obligationId() + " / " + r.name(), () -> {
            assertTrue(r.passed(), r.toString());
            assertTrue(r.otherDefects().isEmpty(), "facts of this case expose defects of other obligations: "
                    + r.otherDefects());
        }));
    }

    @Test
    void everyObligationHasFactAndTextCasesForItsStatuses() {
        List<String> problems = new ArrayList<>();
        for (Obligation o : rs.obligations()) {
            List<RuleTestRunner.TestCase> cases = RuleTestRunner.cases(o);
            for (RuleTestResult.Kind kind : RuleTestResult.Kind.values()) {
                Set<Status> seen = EnumSet.noneOf(Status.class);
                cases.stream().filter(c -> c.kind() == kind).forEach(c -> seen.add(c.expected()));
                Set<Status> required = EnumSet.of(Status.MET, Status.NOT_MET);
                if (kind == RuleTestResult.Kind.TEXT && CatalogueIds.APP_AREA.equals(o.area())) {
                    // a text alone carries no app facts: its only outcome is NOT_APPLICABLE (scores of text kept)
                    required = EnumSet.of(Status.NOT_APPLICABLE);
                }
                if (o.conditional()) {
                    required.add(Status.NOT_APPLICABLE);
                }
                if (o.drl().contains("Finding.partial(")) {
                    required.add(Status.PARTIAL);
                }
                if (!seen.containsAll(required)) {
                    problems.add(o.id() + " " + kind + " cases cover " + seen + ", need " + required);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void ruleSetMatchesTheCatalogue() {
        List<String> ids = rs.obligations().stream().map(Obligation::id).toList();
        List<String> expected = new ArrayList<>(CatalogueIds.IDS);
        expected.addAll(CatalogueIds.APP_BEHAVIOUR_IDS);
        assertEquals(expected, ids);
    }
}
