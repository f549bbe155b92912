package dev.policygate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.policygate.report.AssessmentReport;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code ?view=summary}: the verdict, the score and each obligation's status, for clients (CI gates) that need
 * no text, citations or facts; a few KB instead of hundreds. The full report stays at the {@code Location}.
 */
public record AssessmentSummary(UUID id, OffsetDateTime createdAt, String title, String documentSha256,
                                int ruleSetVersion, BigDecimal score, String verdict,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String appId,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String versionLabel,
                                List<FindingStatus> findings) {
    public record FindingStatus(String obligationId, String severity, String status) {
    }

    static AssessmentSummary of(AssessmentReport r) {
        return new AssessmentSummary(r.id(), r.createdAt(), r.title(), r.documentSha256(), r.ruleSetVersion(),
                r.score(), r.verdict(), r.appId(), r.versionLabel(), r.findings().stream()
                .map(f -> new FindingStatus(f.obligationId(), f.severity(), f.status())).toList());
    }

    /** The view a request asked for: {@code full} (the default) or {@code summary}; anything else is a 400. */
    static boolean summary(String view) {
        if (view == null || view.isBlank() || view.equals("full")) {
            return false;
        }
        if (view.equals("summary")) {
            return true;
        }
        throw new ProblemException(400, "Unknown view", "view must be full (the default) or summary, not " + view + ".");
    }
}
