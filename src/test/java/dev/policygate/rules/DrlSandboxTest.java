package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Ingestor;
import dev.policygate.score.ScoringConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile rules in {@code src/test/resources/hostile-rules}: each file says on its first line what must happen
 * to it. {@code // expect: rejected: WORD} — the compiler refuses it and a message names WORD;
 * {@code // expect: stopped: REASON} — it passes the sandbox, and evaluating it on a real policy's facts stops
 * with a {@link RuleExecutionException} of that reason, after which the shipped rules still evaluate.
 */
class DrlSandboxTest {
    static final Path DIR = Path.of("src/test/resources/hostile-rules");
    /** 2 M steps: a burning rule meets its (deterministic) step budget well before the time limit. */
    static final RuleEvaluator EVALUATOR = new RuleEvaluator(1000, Duration.ofMillis(3000), 2_000_000,
            RuleEvaluator.DEFAULT_MAX_ALLOCATION, 2, 8);
    static CompiledRuleSet shipped;
    static List<Fact> facts;

    @BeforeAll
    static void setUp() {
        shipped = new RuleCompiler().compile(RulePackLoader.load(Path.of("rules")));
        facts = new FactExtractor().extract(new Ingestor().ingestText(Corpus.read(Corpus.government().get(0))));
        // warm up: the first evaluation of a rule base is slow (constraints are compiled on first use)
        try (RuleEvaluator patient = new RuleEvaluator(1000, Duration.ofSeconds(60), 1, 1)) {
            patient.evaluate(shipped, facts);
        }
    }

    @AfterAll
    static void close() {
        EVALUATOR.close();
    }

    static Stream<Path> hostileRules() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            assertTrue(all.size() >= 20, "hostile rules: " + all.size());
            return all.stream();
        }
    }

    static Obligation obligation(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".drl", "");
        String id = name.toUpperCase(Locale.ROOT).replace('-', '_');
        return new Obligation(id, id, id, "X", "hostile", Severity.MAJOR, false, List.of(),
                Files.readString(file, StandardCharsets.UTF_8), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRules")
    void hostileRule(Path file) throws IOException {
        Obligation o = obligation(file);
        String first = o.drl().lines().findFirst().orElse("");
        assertTrue(first.startsWith("// expect: "), file + " must declare what it expects on its first line");
        String[] expect = first.substring("// expect: ".length()).split(":\\s*", 2);
        switch (expect[0]) {
            case "rejected" -> rejected(o, expect[1].strip());
            case "stopped" -> stopped(o, RuleExecutionException.Reason.valueOf(expect[1].strip()));
            default -> fail("unknown expectation " + first);
        }
    }

    /**
     * Safety does not come from reading the source: with the source checks off, every hostile rule is still
     * refused by the bytecode verifier, or stopped by its budget or limits when it runs; none completes an evaluation.
     * Those that reach outside the fact model are refused before they are loaded.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRules")
    void hostileRuleWithoutSourceChecks(Path file) throws IOException {
        Obligation o = obligation(file);
        CompiledRuleSet rs;
        try {
            rs = new RuleCompiler(false).compile(List.of(o), ScoringConfig.defaults());
        } catch (RuleCompilationException e) {
            assertFalse(e.messages().isEmpty(), e.getMessage());
            assertTrue(e.messages().stream().allMatch(m -> m.obligationId().equals(o.id())), e.getMessage());
            return;
        }
        String name = file.getFileName().toString();
        assertTrue(!REACH_OUTSIDE.contains(name), name + " reaches outside the fact model but was loaded");
        try {
            Evaluation e = EVALUATOR.evaluate(rs, facts);
            assertTrue(SOURCE_POLICY_ONLY.contains(name), name + " completed an evaluation: " + e.findings());
        } catch (RuleExecutionException | RuleSetDefectException expected) {
            // stopped by its budget or a limit, or produced no proper finding
        }
        Evaluation ok = EVALUATOR.evaluate(shipped, facts);
        assertEquals(shipped.obligations().size(), ok.findings().size());
    }

    /** Hostile rules whose whole point is to reach outside the fact model. */
    static final java.util.Set<String> REACH_OUTSIDE = java.util.Set.of("classloader.drl", "executor.drl",
            "file-read-io.drl", "file-read-nio.drl", "file-wildcard-import.drl", "fqn-in-eval.drl", "fqn-in-from.drl",
            "fqn-system-in-constraint.drl", "kcontext-runtime.drl", "kie-runtime.drl", "processbuilder.drl",
            "reflection-class-property.drl", "reflection-forname.drl", "reflection-getclass.drl", "runtime-exec.drl",
            "socket.drl", "system-exit.drl", "system-property.drl", "thread-spawn.drl", "url.drl",
            "text-block-escape.drl", "integer-type-chain.drl", "integer-type-eval.drl", "parallel-stream.drl",
            "global.drl");

    /**
     * Refused by the source checks for clarity and determinism, harmless as bytecode: an unused alias of
     * {@code drools}, an MVEL consequence (the executable model compiles it to verified Java), a timer attribute
     * (a timer firing after the evaluation would run rule code outside any budget, which fails at once).
     */
    static final java.util.Set<String> SOURCE_POLICY_ONLY = java.util.Set.of("drools-alias.drl", "mvel-dialect.drl",
            "timer.drl");

    private static void rejected(Obligation o, String word) {
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleCompiler().compile(List.of(o), ScoringConfig.defaults()));
        List<CompileMessage> named = e.messages().stream().filter(m -> m.message().contains(word)).toList();
        assertTrue(!named.isEmpty(), "no message names " + word + ": " + e.getMessage());
        assertTrue(named.stream().allMatch(m -> m.obligationId().equals(o.id()) && m.line() > 0
                && m.message().startsWith("line " + m.line() + ": ")), e.getMessage());
    }

    private static void stopped(Obligation o, RuleExecutionException.Reason reason) {
        CompiledRuleSet rs = new RuleCompiler().compile(List.of(o), ScoringConfig.defaults());
        long t0 = System.nanoTime();
        RuleExecutionException e = assertThrows(RuleExecutionException.class, () -> EVALUATOR.evaluate(rs, facts));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(switch (reason) {
            case FIRING_LIMIT -> "1000 firings";
            case TIME_LIMIT -> "3000 ms";
            case STEP_LIMIT -> "steps";
            case RESOURCE_LIMIT -> e.getMessage().contains("stack") ? "a rule exhausted the stack" : "a rule allocated more than";
            default -> "";
        }), e.getMessage());
        assertTrue(ms < 8000, "caller waited " + ms + " ms");
        // the service is healthy: the shipped rules still evaluate on the same evaluator, at once
        Evaluation ok = EVALUATOR.evaluate(shipped, facts);
        assertEquals(shipped.obligations().size(), ok.findings().size());
        if (reason == RuleExecutionException.Reason.TIME_LIMIT) {
            // the busy worker was replaced while away, and comes back when the consequence ends
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (EVALUATOR.stuckWorkers() > 0 && System.nanoTime() < deadline) {
                sleep(100);
            }
            assertEquals(0, EVALUATOR.stuckWorkers(), "stuck workers");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** No false positives: every shipped pack passes the sandbox. */
    @Test
    void shippedRulesPassTheSandbox() {
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        assertTrue(pack.obligations().size() >= 40, "obligations: " + pack.obligations().size());
        assertEquals(List.of(), new DrlSandbox().check(pack.obligations()));
    }

    @Test
    void recursionAcrossObligationsOfOnePackageIsFound() {
        String header = "package hostile.shared;\nimport dev.policygate.facts.*;\nimport java.util.List;\n";
        Obligation a = new Obligation("PING", "p", "p", "X", "x", Severity.MAJOR, false, List.of(), header + """
                function int ping(int n) { return pong(n); }
                rule "PING met" when then insert(Finding.met("PING", "x" + ping(1), "x", List.of())); end
                """, null);
        Obligation b = new Obligation("PONG", "p", "p", "X", "x", Severity.MAJOR, false, List.of(), header + """
                function int pong(int n) { return ping(n); }
                rule "PONG met" when then insert(Finding.met("PONG", "x", "x", List.of())); end
                """, null);
        List<CompileMessage> msgs = new DrlSandbox().check(List.of(a, b));
        assertEquals(2, msgs.size(), msgs.toString());
        assertTrue(msgs.stream().allMatch(m -> m.message().contains("recursive") && m.line() == 4), msgs.toString());
    }

    @Test
    void literalsCommentsAndHarmlessAttributesPass() {
        Obligation o = new Obligation("TEXT", "t", "t", "X", "x", Severity.MAJOR, false, List.of(), """
                package ok.text;
                import dev.policygate.facts.*;
                import java.util.List;
                // System.exit(1) in a comment is harmless; so is java.io.File
                rule "TEXT met"
                    salience 10
                    no-loop
                    dialect "java"
                when
                    DocumentSection(heading != "System.exit(1)")
                then
                    /* Runtime.getRuntime() */
                    String s = "while (true) { java.io.File f; }" + 'c';
                    insert(Finding.met("TEXT", s, "x", List.of()));
                end
                """, null);
        assertEquals(List.of(), new DrlSandbox().check(List.of(o)));
    }

    static List<CompileMessage> consequence(String code) {
        return new DrlSandbox().check(List.of(new Obligation("LOOP", "l", "l", "X", "x", Severity.MAJOR, false,
                List.of(), """
                package ok.loops;
                import dev.policygate.facts.*;
                import java.util.List;
                rule "LOOP met"
                when
                then
                    boolean[] has = new boolean[6];
                    %s
                    insert(Finding.met("LOOP", "x", "x", List.of()));
                end
                """.formatted(code), null)));
    }

    @Test
    void countingLoopsMustBeBoundedByLiteralsAndLeaveTheirCounterAlone() {
        assertEquals(List.of(), consequence("for (int i = 0; i < 6; i++) { has[i] = i == 2; }"));
        assertEquals(List.of(), consequence("for (int i = 0; i <= 1000; i++) has[i % 6] = true;"));
        assertEquals(List.of(), consequence("for (Object o : List.of(1, 2)) { has[0] = o != null; }"));
        for (String bad : List.of("for (int i = 0; i < 6; i++) { i--; }", "for (int i = 0; i < 6; i++) i = 0;",
                "for (int i = 0; i < 6; i++) { i += 0; }", "for (int i = 0; i < 100000; i++) { }",
                "for (int i = 0; i < has.length; i++) { }", "for (int i = 0; ; i++) { }",
                "for (int i = 0, j = 0; i < 6; i++, j--) { }", "for (;;) { }")) {
            List<CompileMessage> msgs = consequence(bad);
            assertEquals(1, msgs.size(), bad + " -> " + msgs);
            assertTrue(msgs.get(0).message().startsWith("line 8: for loops are not allowed"), msgs.toString());
        }
    }
}
