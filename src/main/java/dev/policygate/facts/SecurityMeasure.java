package dev.policygate.facts;

import java.util.List;

/** A technical or organisational protection measure. */
public record SecurityMeasure(Kind kind, List<Citation> citations) implements Fact {
    public enum Kind {
        ENCRYPTION, ACCESS_CONTROL, DE_IDENTIFICATION, TRAINING, CERTIFICATION, AUDIT, BACKUP,
        EMERGENCY_PLAN, SECURE_TRANSMISSION, OTHER
    }
}
