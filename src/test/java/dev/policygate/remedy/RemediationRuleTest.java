package dev.policygate.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RulePackLoader;
import dev.policygate.rules.RuleTestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every obligation of the shipped rule set has a remediation whose model clause, filled with the sample values
 * and put into a minimal policy, turns that obligation MET through the real extractor and rules (and the same
 * policy without it does not).
 */
class RemediationRuleTest {
    static CompiledRuleSet rs;
    static RuleEvaluator evaluator;

    @BeforeAll
    static void compile() {
        rs = new RuleCompiler().compile(RulePackLoader.load(Path.of("rules")));
        evaluator = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS, Duration.ofSeconds(10), 2, 64);
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    @Test
    void everyObligationHasARemediationWithAModelClause() {
        assertEquals(45, rs.obligations().size());
        for (Obligation o : rs.obligations()) {
            assertNotNull(o.remediation(), o.id() + " has no remediation");
            assertTrue(o.remediation().problems().isEmpty(), o.id() + ": " + o.remediation().problems());
            assertTrue(Placeholders.withoutSample(o.remediation()).isEmpty(), o.id() + " has placeholders without sample");
        }
    }

    @TestFactory
    Stream<DynamicTest> modelClauseTurnsTheObligationMet() {
        RemediationCheck check = new RemediationCheck(evaluator);
        // a model clause is text; the app-behaviour obligations (area J) also need the app's facts, which no text gives
        List<RuleTestResult> results = check.run(rs).stream()
                .filter(r -> !"J".equals(rs.obligation(r.obligationId()).area())).toList();
        return results.stream().map(r -> DynamicTest.dynamicTest(r.obligationId(),
                () -> assertTrue(r.passed(), r + "\n" + RemediationCheck.minimalPolicy(
                        rs.obligation(r.obligationId()).remediation(),
                        RemediationCheck.sampleClause(rs.obligation(r.obligationId()).remediation())))));
    }
}
