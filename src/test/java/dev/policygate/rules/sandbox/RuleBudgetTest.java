package dev.policygate.rules.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Ingestor;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.Evaluation;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RulePackLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's limits against what the shipped rules really spend, and its behaviour outside an evaluation. */
class RuleBudgetTest {
    @Test
    void shippedRulesSpendAFractionOfTheDefaultBudgetOnEveryCorpusPolicy() {
        CompiledRuleSet shipped = new RuleCompiler().compile(RulePackLoader.load(Path.of("rules")));
        List<Path> policies = new ArrayList<>(Corpus.government());
        policies.addAll(Corpus.commercial());
        assertTrue(policies.size() >= 38, "policies: " + policies.size());
        long maxSteps = 0;
        try (RuleEvaluator evaluator = new RuleEvaluator(10_000, Duration.ofSeconds(60), 1, 1)) {
            for (Path p : policies) {
                List<Fact> facts = new FactExtractor().extract(new Ingestor().ingestText(Corpus.read(p)));
                Evaluation e = evaluator.evaluate(shipped, facts);
                assertTrue(e.steps() > 0, "rule code is metered: " + p);
                maxSteps = Math.max(maxSteps, e.steps());
            }
        }
        System.out.println("shipped rules: at most " + maxSteps + " steps per corpus policy");
        assertTrue(maxSteps * 20 < RuleEvaluator.DEFAULT_MAX_STEPS, "max steps " + maxSteps);
    }

    @Test
    void ruleCodeOutsideAnEvaluationFailsAtOnce() {
        RuleBudgetExceeded e = assertThrows(RuleBudgetExceeded.class, RuleBudget::step);
        assertEquals(RuleBudgetExceeded.Kind.OUTSIDE_EVALUATION, e.kind());
    }

    @Test
    void aSpentBudgetStaysSpent() {
        RuleBudget.Limits limits = new RuleBudget.Limits(10, Duration.ofSeconds(10), Long.MAX_VALUE / 4);
        RuleBudget.Spent<Integer> spent = RuleBudget.run(limits, () -> {
            int caught = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    RuleBudget.step();
                } catch (RuleBudgetExceeded swallowed) {
                    caught++;
                }
            }
            return caught;
        });
        assertEquals(10, spent.value(), "every step after the tenth fails");
        assertEquals(RuleBudgetExceeded.Kind.STEPS, spent.exhausted().kind());
    }

    @Test
    void anArrayLargerThanTheAllocationBudgetIsRefusedBeforeItIsAllocated() {
        RuleBudget.Limits limits = new RuleBudget.Limits(1000, Duration.ofSeconds(10), 1024 * 1024);
        RuleBudgetExceeded e = assertThrows(RuleBudgetExceeded.class,
                () -> RuleBudget.run(limits, () -> new long[RuleBudget.arrayLength(Integer.MAX_VALUE - 8)]));
        assertEquals(RuleBudgetExceeded.Kind.MEMORY, e.kind());
    }
}
