package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Handler;
import dev.policygate.facts.Status;
import dev.policygate.score.ScoringConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The rule test runner's results: pass, fail with rationale, defects, malformed test files, text cases. */
class RuleTestRunnerTest {
    static final RuleEvaluator EVALUATOR = new RuleEvaluator(1000, Duration.ofSeconds(5), 2, 8);

    @AfterAll
    static void close() {
        EVALUATOR.close();
    }

    static Obligation ob(String id, String drl, String tests) {
        return new Obligation(id, id, id, "X", "x", Severity.MINOR, false, List.of(),
                "package t;\nimport dev.policygate.facts.*;\nimport java.util.List;\n" + drl, tests);
    }

    static final String ONE = """
            rule "ONE met" when $h : Handler() then insert(Finding.met("ONE", "有", "handler found", Citations.of($h))); end
            rule "ONE not met" when not Handler() then insert(Finding.notMet("ONE", "无", "no handler", List.of())); end
            """;

    @Test
    void reportsPassAndFailWithRationale() {
        Obligation o = ob("ONE", ONE, """
                cases:
                  - name: found
                    facts: [{type: Handler, name: 甲公司}]
                    expect: MET
                  - name: wrong expectation
                    facts: []
                    expect: MET
                  - name: text
                    text: 本应用由甲公司运营。
                    expect: MET
                """);
        CompiledRuleSet rs = new RuleCompiler().compile(List.of(o), ScoringConfig.defaults());
        List<RuleTestResult> all = new RuleTestRunner(EVALUATOR, text -> List.of(new Handler("甲公司", List.of())))
                .run(rs, (RuleTestResult.Kind) null);
        assertEquals(3, all.size());
        assertTrue(all.get(0).passed());
        assertFalse(all.get(1).passed());
        assertEquals(Status.NOT_MET, all.get(1).actual());
        assertEquals("no handler", all.get(1).rationaleEn());
        assertNull(all.get(1).error());
        assertEquals(RuleTestResult.Kind.TEXT, all.get(2).kind());
        assertTrue(all.get(2).passed(), all.get(2).toString());
    }

    @Test
    void aDefectOfTheCasesObligationFailsTheCaseWithTheDefect() {
        Obligation o = ob("ONE", """
                rule "ONE met" when Handler() then insert(Finding.met("ONE", "有", "yes", List.of())); end
                """, """
                cases:
                  - {name: no handler, facts: [], expect: NOT_MET}
                """);
        CompiledRuleSet rs = new RuleCompiler().compile(List.of(o), ScoringConfig.defaults());
        RuleTestResult r = new RuleTestRunner(EVALUATOR).run(rs, RuleTestResult.Kind.FACTS).get(0);
        assertFalse(r.passed());
        assertTrue(r.error().contains("MISSING_FINDING"), r.error());
    }

    @Test
    void malformedTestFilesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> RuleTestRunner.cases(ob("ONE", ONE, "cases: [{name: x, expect: MAYBE, facts: []}]")));
        assertThrows(IllegalArgumentException.class, () -> RuleTestRunner.cases(ob("ONE", ONE, "cases: [{name: x, expect: MET}]")));
        assertThrows(IllegalArgumentException.class, () -> RuleTestRunner.cases(ob("ONE", ONE, "cases: [{name: x, expect: MET, facts: [{type: Nope}]}]")));
        CompiledRuleSet rs = new RuleCompiler().compile(List.of(ob("ONE", ONE, "nothing: here")), ScoringConfig.defaults());
        RuleTestResult r = new RuleTestRunner(EVALUATOR).run(rs, RuleTestResult.Kind.FACTS).get(0);
        assertFalse(r.passed());
        assertTrue(r.error().contains("'cases'"), r.error());
    }
}
