package dev.policygate.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A complete assessment: what the API returns, what is stored for audit and what the reports render.
 * {@code facts} stays JSON (each object with its {@code type}) so that a stored assessment reads back
 * exactly as it was written, whatever later versions of the fact model look like.
 */
public record AssessmentReport(UUID id, OffsetDateTime createdAt, String title, String documentSha256,
                               int ruleSetVersion, BigDecimal score, String verdict, String normalizedText,
                               List<ReportedFinding> findings, JsonNode facts,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String appId,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String versionLabel) {
    /** An assessment that belongs to no app. */
    public AssessmentReport(UUID id, OffsetDateTime createdAt, String title, String documentSha256,
                            int ruleSetVersion, BigDecimal score, String verdict, String normalizedText,
                            List<ReportedFinding> findings, JsonNode facts) {
        this(id, createdAt, title, documentSha256, ruleSetVersion, score, verdict, normalizedText, findings, facts,
                null, null);
    }
}
