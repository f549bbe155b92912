package dev.policygate.rules;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Status;
import java.util.List;

/**
 * A finding joined with its obligation's metadata, as reports and the API show it; {@code subject} is non-null when
 * the obligation has one finding per subject (an app's permission or SDK, see {@code Finding.subject}).
 */
public record EvaluatedFinding(String id, String titleZh, String titleEn, String area, Severity severity,
                               boolean conditional, List<LegalBasis> legalBasis, Status status,
                               String rationaleZh, String rationaleEn, List<Citation> citations,
                               List<String> lookedIn, String subject) {

    public EvaluatedFinding(String id, String titleZh, String titleEn, String area, Severity severity,
                            boolean conditional, List<LegalBasis> legalBasis, Status status,
                            String rationaleZh, String rationaleEn, List<Citation> citations,
                            List<String> lookedIn) {
        this(id, titleZh, titleEn, area, severity, conditional, legalBasis, status, rationaleZh, rationaleEn,
                citations, lookedIn, null);
    }
}
