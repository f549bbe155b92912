package dev.policygate.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What changed between two versions of a policy: their scores and verdicts, the obligations whose status
 * changed (each with the changed sentences among its citations in either version, the cause), the ones
 * that stay NOT_MET, and the sentence-level text diff. {@code regression}: a previously MET obligation is no
 * longer MET.
 */
public record PolicyComparison(Version before, Version after, BigDecimal scoreDelta, boolean regression,
                               List<Flip> flipped, List<Obligation> stillNotMet, Counts sentences,
                               List<SentenceChange> changes) {

    /** One side of the comparison. */
    public record Version(UUID assessmentId, String title, int ruleSetVersion, BigDecimal score, String verdict) {
    }

    /** An obligation whose status changed; {@code causes} are the changed sentences it cites in either version. */
    public record Flip(String obligationId, String title, String titleEn, String severity, String before,
                       String after, Direction direction, List<SentenceChange> causes) {
    }

    public record Obligation(String obligationId, String title, String titleEn, String severity) {
    }

    public record Counts(int added, int removed, int changed) {
    }

    /** IMPROVED: closer to MET; REGRESSED: further from it; CHANGED: to or from NOT_APPLICABLE. */
    public enum Direction { IMPROVED, REGRESSED, CHANGED }
}
