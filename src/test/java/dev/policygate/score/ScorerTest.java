package dev.policygate.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Status;
import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.RulePackLoader;
import dev.policygate.rules.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue's "Verdict" section: arithmetic, rounding and thresholds. */
class ScorerTest {
    static final Scorer SCORER = new Scorer();
    static final ScoringConfig CONFIG = ScoringConfig.defaults();

    static EvaluatedFinding f(String id, Severity s, Status st) {
        return new EvaluatedFinding(id, id, id, "X", s, st == Status.NOT_APPLICABLE, List.of(), st, "", "", List.of(), List.of());
    }

    /** {@code met} MET and {@code notMet} NOT_MET minor obligations, plus the given extra findings. */
    static List<EvaluatedFinding> minors(int met, int notMet, EvaluatedFinding... extra) {
        List<EvaluatedFinding> out = new ArrayList<>(List.of(extra));
        for (int i = 0; i < met; i++) out.add(f("M" + i, Severity.MINOR, Status.MET));
        for (int i = 0; i < notMet; i++) out.add(f("N" + i, Severity.MINOR, Status.NOT_MET));
        return out;
    }

    @Test
    void weightedCreditOverApplicableObligations() {
        Score s = SCORER.score(List.of(
                f("C", Severity.CRITICAL, Status.MET),           // 3 × 1
                f("J", Severity.MAJOR, Status.PARTIAL),          // 2 × 0.5
                f("N", Severity.MINOR, Status.NOT_MET),          // 1 × 0
                f("X", Severity.CRITICAL, Status.NOT_APPLICABLE) // excluded
        ), CONFIG);
        assertEquals(4.0, s.earnedWeight());
        assertEquals(6.0, s.possibleWeight());
        assertEquals(66.7, s.score());                           // 400 / 6 = 66.666… → 66.7
        assertEquals(Verdict.NEEDS_REVISION, s.verdict());
        assertEquals(List.of(), s.criticalNotMet());
        assertEquals(1, s.met());
        assertEquals(1, s.partial());
        assertEquals(1, s.notMet());
        assertEquals(1, s.notApplicable());
    }

    @Test
    void roundsHalfUpToOneDecimalAndJudgesTheRoundedScore() {
        assertEquals(16.7, SCORER.score(minors(1, 5), CONFIG).score());       // 16.666…
        assertEquals(83.8, SCORER.score(minors(335, 65), CONFIG).score());    // 83.75 → 83.8
        Score s = SCORER.score(minors(1699, 301), CONFIG);                      // 84.95 → 85.0
        assertEquals(85.0, s.score());
        assertEquals(Verdict.COMPLIANT, s.verdict());
    }

    @Test
    void compliantNeedsScore85AndNoCriticalNotMet() {
        assertEquals(Verdict.COMPLIANT, SCORER.score(minors(17, 3), CONFIG).verdict());           // 85.0
        assertEquals(Verdict.NEEDS_REVISION, SCORER.score(minors(849, 151), CONFIG).verdict());   // 84.9
        Score oneCritical = SCORER.score(minors(17, 0, f("C", Severity.CRITICAL, Status.NOT_MET)), CONFIG); // 17/20
        assertEquals(85.0, oneCritical.score());
        assertEquals(Verdict.NEEDS_REVISION, oneCritical.verdict());
        assertEquals(List.of("C"), oneCritical.criticalNotMet());
        assertEquals(Verdict.COMPLIANT, SCORER.score(minors(10, 0), CONFIG).verdict());
    }

    @Test
    void nonCompliantBelow60OrTwoCriticalNotMet() {
        assertEquals(Verdict.NEEDS_REVISION, SCORER.score(minors(3, 2), CONFIG).verdict());       // 60.0
        assertEquals(Verdict.NON_COMPLIANT, SCORER.score(minors(599, 401), CONFIG).verdict());    // 59.9
        Score two = SCORER.score(minors(100, 0, f("C1", Severity.CRITICAL, Status.NOT_MET),
                f("C2", Severity.CRITICAL, Status.NOT_MET)), CONFIG);                             // 100/106 = 94.3
        assertEquals(94.3, two.score());
        assertEquals(Verdict.NON_COMPLIANT, two.verdict());
        assertTrue(two.reasons().get(0).contains("2 critical"), two.reasons().toString());
    }

    @Test
    void partialCountsHalfAndCriticalPartialIsNotNotMet() {
        Score s = SCORER.score(List.of(f("C", Severity.CRITICAL, Status.PARTIAL), f("D", Severity.CRITICAL, Status.PARTIAL)), CONFIG);
        assertEquals(50.0, s.score());
        assertEquals(List.of(), s.criticalNotMet());
        assertEquals(Verdict.NON_COMPLIANT, s.verdict());
    }

    @Test
    void nothingApplicableScores100() {
        Score s = SCORER.score(List.of(f("X", Severity.MAJOR, Status.NOT_APPLICABLE)), CONFIG);
        assertEquals(100.0, s.score());
        assertEquals(0.0, s.possibleWeight());
        assertEquals(Verdict.COMPLIANT, s.verdict());
    }

    @Test
    void thresholdsAndWeightsComeFromTheRuleSetsConfig() {
        assertEquals(CONFIG, RulePackLoader.load(Path.of("rules")).scoring());
        ScoringConfig strict = new ScoringConfig(Map.of(Severity.MINOR, 1), 1.0, 0.0, 95, 0, 80, 1);
        Score s = SCORER.score(minors(9, 1, f("J", Severity.MAJOR, Status.PARTIAL)), strict); // 9 / 12 = 75.0
        assertEquals(75.0, s.score());
        assertEquals(Verdict.NON_COMPLIANT, s.verdict());
        ScoringConfig heavyCritical = new ScoringConfig(Map.of(Severity.CRITICAL, 10), 1.0, 0.5, 85, 0, 60, 2);
        assertEquals(10, heavyCritical.weight(Severity.CRITICAL));
        assertEquals(2, heavyCritical.weight(Severity.MAJOR));
    }

    @Test
    void invalidConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ScoringConfig(Map.of(), 1.0, 1.5, 85, 0, 60, 2));
        assertThrows(IllegalArgumentException.class, () -> new ScoringConfig(Map.of(), 1.0, 0.5, 50, 0, 60, 2));
        assertThrows(IllegalArgumentException.class, () -> new ScoringConfig(Map.of(), 1.0, 0.5, 85, 2, 60, 2));
        assertThrows(IllegalArgumentException.class, () -> new ScoringConfig(Map.of(Severity.MAJOR, -1), 1.0, 0.5, 85, 0, 60, 2));
    }
}
