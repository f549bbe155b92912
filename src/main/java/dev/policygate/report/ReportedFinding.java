package dev.policygate.report;

import dev.policygate.facts.Citation;
import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.LegalBasis;
import java.util.List;

/** One obligation's finding as the API, the stored audit record and every report format show it. */
public record ReportedFinding(String obligationId, String title, String titleEn, String severity, String status,
                              List<LegalBasis> legalBasis, String rationale, String rationaleEn, List<Citation> citations,
                              List<String> lookedIn) {

    public static ReportedFinding of(EvaluatedFinding f) {
        return new ReportedFinding(f.id(), f.titleZh(), f.titleEn(), f.severity().name(),
                f.status().name(), f.legalBasis(), f.rationaleZh(), f.rationaleEn(), f.citations(), f.lookedIn());
    }
}
