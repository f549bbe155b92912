package dev.policygate.api;

/** Parses a rule-set version given as form text. */
final class Versions {
    private Versions() {
    }

    static Integer parse(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad rule-set version", "ruleSetVersion must be a number: " + version);
        }
    }
}
