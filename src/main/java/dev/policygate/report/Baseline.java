package dev.policygate.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The accepted state a gate compares against: JSON reports written earlier (one assessment, or the array
 * {@code check --format json} writes for several policies). A policy is matched by title; a baseline of one
 * assessment applies to any policy.
 */
public record Baseline(List<AssessmentReport> reports) {
    public Baseline {
        reports = List.copyOf(reports);
    }

    /** Reads a JSON report; entries of files that could not be assessed are left out. */
    public static Baseline parse(String json) throws IOException {
        JsonNode root = JsonReport.MAPPER.readTree(json);
        List<AssessmentReport> reports = new ArrayList<>();
        for (JsonNode n : root.isArray() ? root : List.of(root)) {
            if (n.has("findings")) {
                reports.add(JsonReport.MAPPER.treeToValue(n, AssessmentReport.class));
            }
        }
        if (reports.isEmpty()) {
            throw new IOException("no assessment in it (expected the JSON report of policygate check --format json)");
        }
        return new Baseline(reports);
    }

    /** The baseline's assessment of the same policy, or null. */
    public AssessmentReport of(AssessmentReport report) {
        if (reports.size() == 1) {
            return reports.get(0);
        }
        return reports.stream().filter(b -> b.title() != null && b.title().equals(report.title())).findFirst()
                .orElse(null);
    }

    /** Status of each obligation in an assessment of the baseline. */
    static Map<String, String> statuses(AssessmentReport baseline) {
        return baseline.findings().stream().collect(Collectors.toMap(ReportedFinding::obligationId,
                ReportedFinding::status, (a, b) -> a));
    }

    /** MET and NOT_APPLICABLE 2, PARTIAL 1, NOT_MET (or anything else) 0: lower is worse. */
    static int rank(String status) {
        return switch (status == null ? "" : status) {
            case "MET", "NOT_APPLICABLE" -> 2;
            case "PARTIAL" -> 1;
            default -> 0;
        };
    }

    /** COMPLIANT 2, NEEDS_REVISION 1, NON_COMPLIANT 0: lower is worse. */
    static int verdictRank(String verdict) {
        return switch (verdict == null ? "" : verdict) {
            case "COMPLIANT" -> 2;
            case "NEEDS_REVISION" -> 1;
            default -> 0;
        };
    }
}
