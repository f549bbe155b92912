package dev.policygate.rules;

/**
 * A message of the rule compiler or of the rule set validation. {@code line}/{@code column} are 1-based
 * positions in the obligation's DRL, 0 when unknown; {@code severity} is ERROR or WARNING.
 */
public record CompileMessage(String obligationId, String severity, int line, int column, String message) {
    @Override
    public String toString() {
        return obligationId + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
