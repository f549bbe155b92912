package dev.policygate.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * A finding with an active {@link Waiver} is {@code accepted}, not failed: it decides nothing; one whose only
 * waiver has expired fails the gate, saying when it expired. With a {@link Baseline} the gate fails only on
 * what got worse than the baseline: a finding of a lower status (MET &gt; PARTIAL &gt; NOT_MET), a new
 * obligation that fails, a score below {@code failUnder} and below the baseline's, or a failing verdict worse
 * than the baseline's; the findings that did not get worse are accepted.
 */
public record Gate(double failUnder, Set<String> require, boolean partialPasses, FailOnVerdict failOnVerdict,
                   Waivers waivers, Baseline baseline) {
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
        waivers = waivers == null ? Waivers.NONE : waivers;
    }

    public Gate(double failUnder, Set<String> require, boolean partialPasses, FailOnVerdict failOnVerdict) {
        this(failUnder, require, partialPasses, failOnVerdict, Waivers.NONE, null);
    }

    /** This gate with waivers and a baseline (null: none). */
    public Gate with(Waivers newWaivers, Baseline newBaseline) {
        return new Gate(failUnder, require, partialPasses, failOnVerdict, newWaivers, newBaseline);
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

    /**
     * A finding that fails as a test case but does not fail the gate: {@code by} WAIVER (with the waiver's reason,
     * owner and last day) or BASELINE ({@code baselineStatus}: its status in the baseline).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Accepted(String obligationId, String status, AcceptedBy by, String reason, String owner,
                           LocalDate until, String baselineStatus) {
        /** One line for reports: "waived until 2027-01-31 (owner): reason" or "accepted by the baseline (was …)". */
        public String describe() {
            return by == AcceptedBy.WAIVER ? "waived until " + until + " (" + owner + "): " + reason
                    : "accepted by the baseline (was " + baselineStatus + ")";
        }
    }

    public enum AcceptedBy { WAIVER, BASELINE }

    public record Result(Decision decision, BigDecimal score, String verdict, List<Failed> failed,
                         List<String> reasons, List<Accepted> accepted) {
        public boolean passed() {
            return decision == Decision.PASS;
        }

        /** How the finding of this obligation was accepted, if it was. */
        public Optional<Accepted> acceptance(String obligationId) {
            return accepted.stream().filter(a -> a.obligationId().equals(obligationId)).findFirst();
        }

        /** Whether the finding of this obligation fails as a test case. */
        public boolean fails(String obligationId) {
            return failed.stream().anyMatch(f -> f.obligationId().equals(obligationId));
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

    /** The decision on a policy of a report; waiver file globs match its {@code uri}. */
    public Result decide(ReportSource source) {
        return decide(source.report(), source.uri());
    }

    /** The decision on an assessment known by its title only (waiver file globs match the title). */
    public Result decide(AssessmentReport report) {
        return decide(report, report.title());
    }

    public Result decide(AssessmentReport report, String uri) {
        AssessmentReport base = baseline == null ? null : baseline.of(report);
        Map<String, String> baseStatus = base == null ? Map.of() : Baseline.statuses(base);
        List<String> reasons = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        double score = report.score() == null ? 0 : report.score().doubleValue();
        if (score < failUnder && (base == null || base.score() == null || score < base.score().doubleValue())) {
            reasons.add("score " + report.score() + " is below " + failUnder
                    + (base == null ? "" : " and below the baseline's " + base.score()));
        }
        if (failOnVerdict.fails(report.verdict())
                && (base == null || Baseline.verdictRank(report.verdict()) < Baseline.verdictRank(base.verdict()))) {
            reasons.add("verdict is " + report.verdict() + (base == null ? "" : ", was " + base.verdict()
                    + " in the baseline"));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ReportedFinding f : report.findings()) {
            String id = f.obligationId();
            seen.add(id);
            if (passes(f.status())) {
                continue;
            }
            boolean required = require.contains(id);
            Failed failure = new Failed(id, f.status(), f.rationaleEn() != null ? f.rationaleEn() : f.rationale(),
                    required, f.remediation());
            Optional<Waiver> waiver = waivers.match(id, uri, report);
            if (waiver.isPresent() && waiver.get().activeOn(waivers.today())) {
                Waiver w = waiver.get();
                accepted.add(new Accepted(id, f.status(), AcceptedBy.WAIVER, w.reason(), w.owner(), w.expires(), null));
                continue;
            }
            if (waiver.isPresent()) {
                failed.add(failure);
                reasons.add(id + " is " + f.status() + ": its waiver expired on " + waiver.get().expires() + " ("
                        + waiver.get().owner() + ": " + waiver.get().reason() + ")");
                continue;
            }
            if (baseline == null) {
                failed.add(failure);
                if (required) {
                    reasons.add("required " + id + " is " + f.status());
                }
                continue;
            }
            String was = baseStatus.get(id);
            if (was != null && Baseline.rank(f.status()) >= Baseline.rank(was)) {
                accepted.add(new Accepted(id, f.status(), AcceptedBy.BASELINE, null, null, null, was));
                continue;
            }
            failed.add(failure);
            reasons.add(id + " is " + f.status() + (was == null ? ", new since the baseline"
                    : ", was " + was + " in the baseline"));
        }
        for (String id : unknownRequired(seen)) {
            reasons.add("required " + id + " is not an obligation of rule-set version " + report.ruleSetVersion());
        }
        return new Result(reasons.isEmpty() ? Decision.PASS : Decision.FAIL, report.score(), report.verdict(),
                failed, reasons, accepted);
    }
}
