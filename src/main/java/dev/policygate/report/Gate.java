package dev.policygate.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The submission gate. A policy FAILs when
 * <ol>
 *   <li>its score is below {@code failUnder}, or</li>
 *   <li>its verdict is NON_COMPLIANT (by default; {@code failOnVerdict} NEEDS_REVISION fails anything but
 *   COMPLIANT, NONE leaves the verdict out), or</li>
 *   <li>an obligation named in {@code require} is neither MET nor NOT_APPLICABLE (PARTIAL passes only with
 *   {@code partialPasses}).</li>
 * </ol>
 * Otherwise it PASSes. {@code failed} lists every obligation that fails as a test case (NOT_MET, and PARTIAL
 * unless {@code partialPasses}), required or not; {@code reasons} says which of the three rules decided.
 */
public record Gate(double failUnder, Set<String> require, boolean partialPasses, FailOnVerdict failOnVerdict) {
    public static final Gate DEFAULT = new Gate(0, Set.of(), false, FailOnVerdict.NON_COMPLIANT);

    /** Which verdicts fail the gate by themselves. */
    public enum FailOnVerdict {
        /** NON_COMPLIANT fails (the default) */
        NON_COMPLIANT,
        /** NEEDS_REVISION and NON_COMPLIANT fail: only COMPLIANT passes */
        NEEDS_REVISION,
        /** the verdict does not decide; only the score and the required obligations do */
        NONE;

        boolean fails(String verdict) {
            return switch (this) {
                case NON_COMPLIANT -> "NON_COMPLIANT".equals(verdict);
                case NEEDS_REVISION -> !"COMPLIANT".equals(verdict);
                case NONE -> false;
            };
        }

        /** Parses a name (any case); null or blank is the default, NON_COMPLIANT. */
        public static FailOnVerdict parse(String s) {
            if (s == null || s.isBlank()) {
                return NON_COMPLIANT;
            }
            try {
                return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown failOnVerdict '" + s
                        + "': use NON_COMPLIANT, NEEDS_REVISION or NONE.");
            }
        }
    }

    public Gate {
        require = require == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(require));
        failOnVerdict = failOnVerdict == null ? FailOnVerdict.NON_COMPLIANT : failOnVerdict;
    }

    public static Gate of(double failUnder, Collection<String> require, boolean partialPasses) {
        return of(failUnder, require, partialPasses, FailOnVerdict.NON_COMPLIANT);
    }

    public static Gate of(double failUnder, Collection<String> require, boolean partialPasses,
                          FailOnVerdict failOnVerdict) {
        return new Gate(failUnder, require == null ? Set.of() : new LinkedHashSet<>(require), partialPasses,
                failOnVerdict);
    }

    public enum Decision { PASS, FAIL }

    /** A finding that fails as a test case; {@code remediation}: how to fix it, when its obligation has one. */
    public record Failed(String obligationId, String status, String reason, boolean required,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         FindingRemediation remediation) {
    }

    public record Result(Decision decision, BigDecimal score, String verdict, List<Failed> failed,
                         List<String> reasons) {
        public boolean passed() {
            return decision == Decision.PASS;
        }
    }

    /** Whether a finding with this status passes as a test case. */
    public boolean passes(String status) {
        return "MET".equals(status) || "NOT_APPLICABLE".equals(status)
                || (partialPasses && "PARTIAL".equals(status));
    }

    /** The IDs in {@code require} that the report has no finding for. */
    public List<String> unknownRequired(Collection<String> knownIds) {
        return require.stream().filter(id -> !knownIds.contains(id)).sorted().toList();
    }

    public Result decide(AssessmentReport report) {
        List<String> reasons = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        double score = report.score() == null ? 0 : report.score().doubleValue();
        if (score < failUnder) {
            reasons.add("score " + report.score() + " is below " + failUnder);
        }
        if (failOnVerdict.fails(report.verdict())) {
            reasons.add("verdict is " + report.verdict());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ReportedFinding f : report.findings()) {
            seen.add(f.obligationId());
            boolean required = require.contains(f.obligationId());
            if (!passes(f.status())) {
                failed.add(new Failed(f.obligationId(), f.status(), f.rationaleEn() != null ? f.rationaleEn()
                        : f.rationale(), required, f.remediation()));
                if (required) {
                    reasons.add("required " + f.obligationId() + " is " + f.status());
                }
            }
        }
        for (String id : unknownRequired(seen)) {
            reasons.add("required " + id + " is not an obligation of rule-set version " + report.ruleSetVersion());
        }
        return new Result(reasons.isEmpty() ? Decision.PASS : Decision.FAIL, report.score(), report.verdict(),
                failed, reasons);
    }
}
