package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Status;
import dev.policygate.score.Score;
import dev.policygate.score.Scorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the shipped rule set over fact sets beyond the per-obligation cases: every fact type with
 * empty/null fields, the union of all case facts, random mixtures — each must give exactly one status per
 * obligation (no defect), deterministically. Also loader behaviour and timings.
 */
class RulePackPropertiesTest {
    static RulePack pack;
    static CompiledRuleSet rs;
    static RuleEvaluator evaluator;
    static List<Fact> allCaseFacts = new ArrayList<>();

    @BeforeAll
    static void compile() {
        pack = RulePackLoader.load(Path.of("rules"));
        rs = new RuleCompiler().compile(pack);
        evaluator = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS, Duration.ofSeconds(10), 2, 64);
        for (Obligation o : rs.obligations()) {
            for (RuleTestRunner.TestCase c : RuleTestRunner.cases(o)) {
                if (c.facts() != null) {
                    allCaseFacts.addAll(c.facts());
                }
            }
        }
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    @Test
    void factsWithNullFieldsNeverBreakTheRules() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Fact> facts = new ArrayList<>();
        for (JsonSubTypes.Type t : Fact.class.getAnnotation(JsonSubTypes.class).value()) {
            facts.add(json.readValue("{\"type\":\"" + t.name() + "\"}", Fact.class));
        }
        Evaluation e = evaluator.evaluate(rs, facts);
        assertEquals(45, obligationsCovered(e));
    }

    /** Obligations with findings; app-behaviour obligations have one finding per permission or SDK (subject), each once. */
    private static int obligationsCovered(Evaluation e) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        e.findings().forEach(f -> assertTrue(keys.add(f.id() + "|" + f.subject()), "one finding per subject: " + f.id()));
        return (int) e.findings().stream().map(f -> f.id()).distinct().count();
    }

    @Test
    void unionAndRandomMixturesOfCaseFactsGiveOneStatusPerObligation() {
        assertEquals(45, obligationsCovered(evaluator.evaluate(rs, allCaseFacts)));
        assertEquals(45, evaluator.evaluate(rs, List.of()).findings().size());
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            List<Fact> mix = new ArrayList<>(allCaseFacts);
            Collections.shuffle(mix, random);
            mix = mix.subList(0, random.nextInt(mix.size()));
            assertEquals(45, obligationsCovered(evaluator.evaluate(rs, mix)));
        }
    }

    @Test
    void sameFactsGiveTheSameEvaluationWhateverTheirOrder() {
        Evaluation a = evaluator.evaluate(rs, allCaseFacts);
        List<Fact> reversed = new ArrayList<>(allCaseFacts);
        Collections.reverse(reversed);
        Evaluation b = evaluator.evaluate(rs, reversed);
        List<Fact> shuffled = new ArrayList<>(allCaseFacts);
        Collections.shuffle(shuffled, new Random(7));
        Evaluation c = evaluator.evaluate(new RuleCompiler().compile(pack), shuffled);
        for (int i = 0; i < a.findings().size(); i++) {
            assertEquals(a.findings().get(i), b.findings().get(i), "reversed facts, " + a.findings().get(i).id());
            assertEquals(a.findings().get(i), c.findings().get(i), "shuffled facts, new compile, " + a.findings().get(i).id());
        }
    }

    @Test
    void emptyPolicyIsNonCompliantAndNotMetFindingsSayWhereTheyLooked() {
        List<Fact> sections = allCaseFacts.stream().filter(f -> f instanceof dev.policygate.facts.DocumentSection).toList();
        Evaluation e = evaluator.evaluate(rs, sections);
        assertTrue(e.findings().stream().anyMatch(f -> f.status() == Status.NOT_MET));
        assertTrue(e.findings().stream().filter(f -> f.status() == Status.NOT_MET).allMatch(f -> !f.rationaleZh().isBlank()
                && !f.rationaleEn().isBlank()));
        assertTrue(e.finding("HANDLER_IDENTITY").orElseThrow().lookedIn().contains("一、关于我们"));
        Score s = new Scorer().score(e, rs.scoring());
        assertEquals(dev.policygate.score.Verdict.NON_COMPLIANT, s.verdict());
    }

    @Test
    void metadataIsComplete() {
        for (Obligation o : rs.obligations()) {
            assertNotNull(o.titleZh(), o.id());
            assertNotNull(o.titleEn(), o.id());
            assertTrue(!o.legalBasis().isEmpty(), o.id() + " has no legal basis");
            o.legalBasis().forEach(l -> assertTrue(l.instrument() != null && l.article() != null
                    && l.textZh() != null && !l.textZh().isBlank(), o.id() + " " + l));
            assertTrue(o.area().matches("[A-J]"), o.id());
        }
    }

    @Test
    void loadsFromNameContentPairsLikeADatabase() throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sources.add(new RuleSource("rules/" + Path.of("rules").relativize(p).toString().replace('\\', '/'),
                        Files.readString(p)));
            }
        }
        RulePack fromDb = RulePackLoader.load(sources);
        assertEquals(pack.obligations(), fromDb.obligations());
        assertEquals(pack.scoring(), fromDb.scoring());
    }

    @Test
    void loaderReportsEveryProblem() {
        List<RuleSource> sources = List.of(
                new RuleSource("scoring.yaml", "weights: {CRITICAL: 3, MAJOR: 2}\n"),
                new RuleSource("x/pack.yaml", "area: X\nobligations: [ONE, TWO]\n"),
                new RuleSource("x/ONE.yaml", "id: ONE\ntitleZh: 一\ntitleEn: one\nseverity: HUGE\n"),
                new RuleSource("x/ONE.drl", "rule \"ONE\" when then end"),
                new RuleSource("x/THREE.drl", "rule \"THREE\" when then end"));
        RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.load(sources));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("scoring.yaml: 'MINOR' missing"), all);
        assertTrue(all.contains("x/ONE.yaml"), all);
        assertTrue(all.contains("x/TWO.yaml: missing"), all);
        assertTrue(all.contains("x/THREE.drl: not part of any pack.yaml"), all);
    }

    @Test
    void timings() {
        long t0 = System.nanoTime();
        CompiledRuleSet fresh = new RuleCompiler().compile(RulePackLoader.load(Path.of("rules")));
        long compileMs = (System.nanoTime() - t0) / 1_000_000;
        List<Fact> policy = allCaseFacts;
        for (int i = 0; i < 300; i++) {
            evaluator.evaluate(fresh, policy);
        }
        long[] micros = new long[1000];
        for (int i = 0; i < micros.length; i++) {
            long s = System.nanoTime();
            evaluator.evaluate(fresh, policy);
            micros[i] = (System.nanoTime() - s) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("[rules] full pack (%d obligations) load+compile: %d ms; evaluation of %d facts: median %d µs, "
                + "p90 %d µs, max %d µs over 1000 runs%n", fresh.obligations().size(), compileMs, policy.size(),
                micros[500], micros[900], micros[999]);
        assertTrue(micros[500] < 200_000, "median evaluation " + micros[500] + " µs");
    }

}
