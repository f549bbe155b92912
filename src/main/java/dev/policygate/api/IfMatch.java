package dev.policygate.api;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code If-Match} header of a change (RFC 9110 §13.1.1, strong comparison): the client names the entity tag
 * it read, and the change applies only while that is still the current one. {@code header} is null when absent.
 */
public record IfMatch(String header) {
    public static final String ANY = "*";

    /** The entity tag of an obligation revision; a revision number is never reused for other content. */
    public static String obligationTag(int revision) {
        return "\"r" + revision + "\"";
    }

    /** The entity tag of a rule-set version: the hash of its (immutable) content. */
    public static String ruleSetTag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /**
     * 428 when the header is missing (an unconditional edit could silently undo another one), 412 unless
     * {@code currentTag} is one of its tags (a weak tag never matches: the comparison is strong).
     */
    public void check(String currentTag, String what) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "Precondition required", "Send If-Match with the ETag of " + what
                    + " as you read it (GET answers it), so that an edit made meanwhile is not overwritten.");
        }
        List<String> tags = Arrays.stream(header.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (!tags.contains(ANY) && !tags.contains(currentTag)) {
            throw new ProblemException(412, "Precondition failed", what + " changed since you read it: its ETag is "
                    + currentTag + ", not " + header.strip() + ". Read it again and reapply your change;"
                    + " nothing was stored.");
        }
    }
}
