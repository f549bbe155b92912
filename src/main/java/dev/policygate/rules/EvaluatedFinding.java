package dev.policygate.rules;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Status;
import java.util.List;

/** A finding joined with its obligation's metadata, as reports and the API show it. */
public record EvaluatedFinding(String id, String titleZh, String titleEn, String area, Severity severity,
                               boolean conditional, List<LegalBasis> legalBasis, Status status,
                               String rationaleZh, String rationaleEn, List<Citation> citations,
                               List<String> lookedIn) {
}
