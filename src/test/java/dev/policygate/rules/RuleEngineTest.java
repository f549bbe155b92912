package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Citation;
import dev.policygate.facts.DocumentSection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Handler;
import dev.policygate.facts.Status;
import dev.policygate.score.ScoringConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Error behaviour of the engine: compile messages, rule-set defects, firing and time limits. */
class RuleEngineTest {
    static final RuleEvaluator EVALUATOR = new RuleEvaluator(1000, Duration.ofMillis(1500), 2, 8);

    @AfterAll
    static void close() {
        EVALUATOR.close();
    }

    static final String HEADER = "package test.engine;\nimport dev.policygate.facts.*;\nimport java.util.List;\n";

    static Obligation ob(String id, boolean conditional, String drl) {
        return new Obligation(id, id + "zh", id + "en", "X", "x-test", Severity.MAJOR, conditional, List.of(),
                HEADER + drl, null);
    }

    static CompiledRuleSet compile(Obligation... obs) {
        return new RuleCompiler().compile(List.of(obs), ScoringConfig.defaults());
    }

    static final String ALWAYS_MET = """
            rule "ONE met"
            when
                $h : Handler()
            then
                insert(Finding.met("ONE", "有", "yes", Citations.of($h)));
            end
            rule "ONE not met"
            when
                not Handler()
            then
                insert(Finding.notMet("ONE", "无", "no", List.of()));
            end
            """;

    static Handler handler(int start) {
        return new Handler("甲公司", List.of(new Citation(start, start + 3, "", "甲公司")));
    }

    @Test
    void mergesAgreeingFindingsAndSortsCitations() {
        CompiledRuleSet rs = compile(ob("ONE", false, ALWAYS_MET));
        Evaluation e = EVALUATOR.evaluate(rs, List.of(handler(10), handler(2)));
        EvaluatedFinding f = e.findings().get(0);
        assertEquals(Status.MET, f.status());
        assertEquals(List.of(2, 10), f.citations().stream().map(Citation::start).toList());
        assertEquals("ONEzh", f.titleZh());
        Evaluation none = EVALUATOR.evaluate(rs, List.of());
        assertEquals(Status.NOT_MET, none.findings().get(0).status());
    }

    @Test
    void missingFindingIsADefect() {
        CompiledRuleSet rs = compile(ob("ONE", false, """
                rule "ONE met"
                when Handler()
                then insert(Finding.met("ONE", "有", "yes", List.of()));
                end
                """));
        RuleSetDefectException e = assertThrows(RuleSetDefectException.class, () -> EVALUATOR.evaluate(rs, List.of()));
        assertEquals(RuleSetDefect.Kind.MISSING_FINDING, e.defects().get(0).kind());
        assertEquals("ONE", e.defects().get(0).obligationId());
    }

    @Test
    void conflictingFindingsAreADefect() {
        CompiledRuleSet rs = compile(ob("ONE", false, """
                rule "ONE met"
                when Handler()
                then insert(Finding.met("ONE", "有", "yes", List.of()));
                end
                rule "ONE partial too"
                when Handler()
                then insert(Finding.partial("ONE", "部分", "partly", List.of()));
                end
                """));
        RuleSetDefectException e = assertThrows(RuleSetDefectException.class,
                () -> EVALUATOR.evaluate(rs, List.of(handler(0))));
        assertEquals(RuleSetDefect.Kind.CONFLICTING_FINDINGS, e.defects().get(0).kind());
        assertTrue(e.getMessage().contains("MET") && e.getMessage().contains("PARTIAL"), e.getMessage());
    }

    @Test
    void unknownObligationAndNotApplicableFromUnconditional() {
        CompiledRuleSet rs = compile(ob("ONE", false, """
                rule "ONE na"
                when
                then
                    insert(Finding.notApplicable("ONE", "不适用", "n/a"));
                    insert(Finding.met("OTHER", "x", "x", List.of()));
                end
                """));
        RuleSetDefectException e = assertThrows(RuleSetDefectException.class, () -> EVALUATOR.evaluate(rs, List.of()));
        List<RuleSetDefect.Kind> kinds = e.defects().stream().map(RuleSetDefect::kind).toList();
        assertTrue(kinds.contains(RuleSetDefect.Kind.UNKNOWN_OBLIGATION), kinds.toString());
        assertTrue(kinds.contains(RuleSetDefect.Kind.NOT_APPLICABLE_NOT_CONDITIONAL), kinds.toString());
        // the same rule in a conditional obligation is fine except for the unknown ID
        CompiledRuleSet cond = compile(ob("ONE", true, """
                rule "ONE na"
                when
                then
                    insert(Finding.notApplicable("ONE", "不适用", "n/a"));
                end
                """));
        assertEquals(Status.NOT_APPLICABLE, EVALUATOR.evaluate(cond, List.of()).findings().get(0).status());
    }

    @Test
    void invalidDrlReportsObligationLineAndColumn() {
        Obligation bad = ob("BAD", false, """
                rule "BAD met"
                when
                    $h : Handler( name == )
                then
                    insert(Finding.met("BAD", "x", "x", List.of()));
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> compile(ob("ONE", false, ALWAYS_MET), bad));
        assertFalse(e.messages().isEmpty(), e.getMessage());
        assertTrue(e.messages().stream().allMatch(m -> m.obligationId().equals("BAD")), e.getMessage());
        CompileMessage m = e.messages().get(0);
        assertEquals(6, m.line(), e.getMessage()); // 3 header lines + line 3 of the rule
        assertTrue(m.column() > 0, e.getMessage());
    }

    @Test
    void javaErrorInConsequenceIsReportedForTheObligation() {
        Obligation bad = ob("BAD", false, """
                rule "BAD met"
                when
                    $h : Handler()
                then
                    insert(Finding.met("BAD", undefinedVariable, "x", List.of()));
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compile(bad));
        assertFalse(e.messages().isEmpty(), e.getMessage());
        assertTrue(e.messages().stream().allMatch(m -> m.obligationId().equals("BAD")), e.getMessage());
        assertTrue(e.messages().get(0).line() > 0, e.getMessage());
    }

    @Test
    void conventionsAreEnforced() {
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compile(
                ob("ONE", false, ALWAYS_MET),
                ob("TWO", false, """
                        import java.io.File;
                        global java.util.List out;
                        rule "ONE met"
                        when then insert(Finding.met("TWO", "x", "x", List.of()));
                        end
                        """)));
        List<String> msgs = e.messages().stream().map(CompileMessage::message).toList();
        assertTrue(msgs.stream().anyMatch(s -> s.contains("must be named \"TWO")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(s -> s.contains("duplicate rule name")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(s -> s.contains("java.io.File")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(s -> s.contains("globals")), msgs.toString());
        assertThrows(RuleCompilationException.class, () -> compile(ob("THREE", false, """
                rule "THREE met"
                when then insert(Finding.met("ONE", "x", "x", List.of()));
                end
                """)));
    }

    @Test
    void loopingRuleIsStoppedByTheFiringLimit() {
        CompiledRuleSet rs = compile(ob("LOOP", false, """
                rule "LOOP forever"
                when
                    $s : DocumentSection()
                then
                    insert(new DocumentSection($s.path() + "+", $s.heading(), $s.level(), $s.start(), $s.end(), List.of()));
                end
                rule "LOOP met"
                when then insert(Finding.met("LOOP", "x", "x", List.of()));
                end
                """));
        List<Fact> facts = List.of(new DocumentSection("一", "一", 1, 0, 5, List.of()));
        RuleExecutionException e = assertThrows(RuleExecutionException.class, () -> EVALUATOR.evaluate(rs, facts));
        assertEquals(RuleExecutionException.Reason.FIRING_LIMIT, e.reason());
        assertEquals("rule set exceeded 1000 firings", e.getMessage());
    }

    /** Four nested loops of 1000: passes the source checks, would run 10^12 iterations. */
    static final String BURNING = """
            rule "SLOW met"
            when
                $s : DocumentSection()
            then
                long sum = 0;
                for (int a = 0; a < 1000; a++) {
                    for (int b = 0; b < 1000; b++) {
                        for (int c = 0; c < 1000; c++) {
                            for (int d = 0; d < 1000; d++) { sum += d; }
                        }
                    }
                }
                insert(Finding.met("SLOW", "x" + sum, "x", List.of()));
            end
            """;

    @Test
    void burningRuleStopsItselfAtItsStepBudgetAndItsWorkerComesBack() {
        CompiledRuleSet rs = compile(ob("SLOW", false, BURNING));
        List<Fact> facts = List.of(new DocumentSection("一", "一", 1, 0, 5, List.of()));
        try (RuleEvaluator evaluator = new RuleEvaluator(1000, Duration.ofSeconds(30), 2_000_000,
                RuleEvaluator.DEFAULT_MAX_ALLOCATION, 1, 1)) {
            RuleExecutionException e = assertThrows(RuleExecutionException.class, () -> evaluator.evaluate(rs, facts));
            assertEquals(RuleExecutionException.Reason.STEP_LIMIT, e.reason(), e.getMessage());
            assertEquals("a rule exceeded its budget of 2000000 steps; the evaluation was stopped", e.getMessage());
            assertEquals(0, evaluator.stuckWorkers(), "the worker stopped itself");
            CompiledRuleSet ok = compile(ob("ONE", false, ALWAYS_MET));
            assertEquals(Status.NOT_MET, evaluator.evaluate(ok, List.of()).findings().get(0).status());
        }
    }

    @Test
    void burningRuleWithoutAStepLimitStopsItselfAtTheTimeLimit() {
        CompiledRuleSet rs = compile(ob("SLOW", false, BURNING));
        List<Fact> facts = List.of(new DocumentSection("一", "一", 1, 0, 5, List.of()));
        try (RuleEvaluator unlimitedSteps = new RuleEvaluator(1000, Duration.ofMillis(1500), Long.MAX_VALUE / 2,
                RuleEvaluator.DEFAULT_MAX_ALLOCATION, 1, 1)) {
            long t0 = System.nanoTime();
            RuleExecutionException e = assertThrows(RuleExecutionException.class,
                    () -> unlimitedSteps.evaluate(rs, facts));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(RuleExecutionException.Reason.TIME_LIMIT, e.reason(), e.getMessage());
            // on a machine so busy that the rule got under half the limit in CPU, the message blames the load
            String stopped = "a rule exceeded the time limit of 1500 ms; the evaluation was stopped";
            if (e.causedByLoad()) {
                assertTrue(e.getMessage().startsWith(stopped + " while the rules got ")
                        && e.getMessage().endsWith(" ms of CPU: the service is overloaded"), e.getMessage());
            } else {
                assertEquals(stopped, e.getMessage());
            }
            assertTrue(ms >= 1500 && ms < 3000, "caller waited " + ms + " ms");
            assertEquals(0, unlimitedSteps.stuckWorkers(), "no worker is left behind: the rule stopped itself");
            CompiledRuleSet ok = compile(ob("ONE", false, ALWAYS_MET));
            assertEquals(Status.NOT_MET, unlimitedSteps.evaluate(ok, List.of()).findings().get(0).status());
        }
    }
}
