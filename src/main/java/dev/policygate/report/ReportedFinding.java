package dev.policygate.report;

import dev.policygate.facts.Citation;
import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.LegalBasis;
import java.util.List;

/**
 * One obligation's finding as the API, the stored audit record and every report format show it;
 * {@code remediation} only on NOT_MET and PARTIAL findings of obligations that have one.
 */
public record ReportedFinding(String obligationId, String title, String titleEn, String severity, String status,
                              List<LegalBasis> legalBasis, String rationale, String rationaleEn, List<Citation> citations,
                              List<String> lookedIn,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              FindingRemediation remediation,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              String subject) {

    public ReportedFinding(String obligationId, String title, String titleEn, String severity, String status,
                           List<LegalBasis> legalBasis, String rationale, String rationaleEn, List<Citation> citations,
                           List<String> lookedIn, FindingRemediation remediation) {
        this(obligationId, title, titleEn, severity, status, legalBasis, rationale, rationaleEn, citations, lookedIn,
                remediation, null);
    }

    public ReportedFinding(String obligationId, String title, String titleEn, String severity, String status,
                           List<LegalBasis> legalBasis, String rationale, String rationaleEn, List<Citation> citations,
                           List<String> lookedIn) {
        this(obligationId, title, titleEn, severity, status, legalBasis, rationale, rationaleEn, citations, lookedIn,
                null);
    }

    /** Whether the finding asks for a fix (NOT_MET or PARTIAL). */
    public boolean needsFix() {
        return "NOT_MET".equals(status) || "PARTIAL".equals(status);
    }

    public static ReportedFinding of(EvaluatedFinding f) {
        return new ReportedFinding(f.id(), f.titleZh(), f.titleEn(), f.severity().name(),
                f.status().name(), f.legalBasis(), f.rationaleZh(), f.rationaleEn(), f.citations(), f.lookedIn(),
                null, f.subject());
    }

    public static ReportedFinding of(EvaluatedFinding f, FindingRemediation remediation) {
        return new ReportedFinding(f.id(), f.titleZh(), f.titleEn(), f.severity().name(),
                f.status().name(), f.legalBasis(), f.rationaleZh(), f.rationaleEn(), f.citations(), f.lookedIn(),
                remediation, f.subject());
    }
}
