package dev.policygate.compare;

import dev.policygate.facts.Citation;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.ReportedFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two assessments of versions of one policy (see {@link PolicyComparison}). */
public final class PolicyComparer {
    private PolicyComparer() {
    }

    private static String key(ReportedFinding f) {
        return f.subject() == null ? f.obligationId() : f.obligationId() + "\u0000" + f.subject();
    }

    public static PolicyComparison compare(AssessmentReport before, AssessmentReport after) {
        List<SentenceChange> changes = SentenceDiff.diff(before.normalizedText(), after.normalizedText());
        Map<String, ReportedFinding> was = new LinkedHashMap<>();
        // an app-behaviour obligation has one finding per subject (permission, SDK): compare like with like
        before.findings().forEach(f -> was.put(key(f), f));
        List<PolicyComparison.Flip> flipped = new ArrayList<>();
        List<PolicyComparison.Obligation> stillNotMet = new ArrayList<>();
        boolean regression = false;
        for (ReportedFinding now : after.findings()) {
            ReportedFinding then = was.get(key(now));
            if (then == null) {
                continue; // an obligation only one of the rule sets has: nothing to compare
            }
            if (then.status().equals(now.status())) {
                if ("NOT_MET".equals(now.status())) {
                    stillNotMet.add(new PolicyComparison.Obligation(now.obligationId(), now.title(), now.titleEn(),
                            now.severity()));
                }
                continue;
            }
            PolicyComparison.Direction direction = direction(then.status(), now.status());
            regression |= "MET".equals(then.status());
            flipped.add(new PolicyComparison.Flip(now.obligationId(), now.title(), now.titleEn(), now.severity(),
                    then.status(), now.status(), direction, causes(changes, then, now)));
        }
        int added = 0;
        int removed = 0;
        int changed = 0;
        for (SentenceChange c : changes) {
            switch (c.kind()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
            }
        }
        return new PolicyComparison(version(before), version(after), after.score().subtract(before.score()),
                regression, flipped, stillNotMet, new PolicyComparison.Counts(added, removed, changed), changes);
    }

    /** The changes whose before-sentence the old finding cites, or whose after-sentence the new one cites. */
    static List<SentenceChange> causes(List<SentenceChange> changes, ReportedFinding then, ReportedFinding now) {
        List<SentenceChange> out = new ArrayList<>();
        for (SentenceChange c : changes) {
            if ((c.before() != null && cites(then, c.before())) || (c.after() != null && cites(now, c.after()))) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean cites(ReportedFinding f, SentenceChange.Span s) {
        if (f.citations() == null) {
            return false;
        }
        for (Citation c : f.citations()) {
            if (s.overlaps(c.start(), c.end())) {
                return true;
            }
        }
        return false;
    }

    private static PolicyComparison.Direction direction(String before, String after) {
        int b = rank(before);
        int a = rank(after);
        if (a < 0 || b < 0) {
            return PolicyComparison.Direction.CHANGED;
        }
        return a > b ? PolicyComparison.Direction.IMPROVED : PolicyComparison.Direction.REGRESSED;
    }

    private static int rank(String status) {
        return switch (status) {
            case "NOT_MET" -> 0;
            case "PARTIAL" -> 1;
            case "MET" -> 2;
            default -> -1;
        };
    }

    private static PolicyComparison.Version version(AssessmentReport r) {
        return new PolicyComparison.Version(r.id(), r.title(), r.ruleSetVersion(), r.score(), r.verdict());
    }
}
