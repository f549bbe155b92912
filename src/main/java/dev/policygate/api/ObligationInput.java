package dev.policygate.api;

import dev.policygate.rules.LegalBasis;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import dev.policygate.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An obligation as authors send it: metadata, DRL and (optionally) its rule tests and remediation. */
public record ObligationInput(String id, String titleZh, String titleEn, String area, String pack, String severity,
                              Boolean conditional, List<LegalBasis> legalBasis, String drl, String tests,
                              Remediation remediation) {
    public ObligationInput(String id, String titleZh, String titleEn, String area, String pack, String severity,
                           Boolean conditional, List<LegalBasis> legalBasis, String drl, String tests) {
        this(id, titleZh, titleEn, area, pack, severity, conditional, legalBasis, drl, tests, null);
    }

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    /** Validates the fields and builds the obligation; {@code pathId} wins when given (PUT). */
    public Obligation toObligation(String pathId) {
        String effectiveId = pathId != null ? pathId : id;
        if (pathId != null && id != null && !id.equals(pathId)) {
            throw new ProblemException(400, "ID mismatch", "The body's id '" + id + "' differs from the path's '" + pathId + "'.");
        }
        if (effectiveId == null || !ID.matcher(effectiveId).matches()) {
            throw new ProblemException(400, "Invalid obligation id",
                    "id must be upper-case letters, digits and underscores (e.g. HANDLER_CONTACT).");
        }
        require(titleZh, "titleZh");
        require(titleEn, "titleEn");
        require(drl, "drl");
        Severity s;
        try {
            s = Severity.valueOf(require(severity, "severity").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid severity", "severity must be one of critical, major, minor.");
        }
        if (remediation != null && !remediation.problems().isEmpty()) {
            throw new ProblemException(400, "Invalid remediation", String.join("; ", remediation.problems()) + ".");
        }
        return new Obligation(effectiveId, titleZh, titleEn, area == null ? "" : area, pack == null ? "api" : pack, s,
                Boolean.TRUE.equals(conditional), legalBasis, drl, tests, remediation);
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, "Missing field", "'" + field + "' is required.");
        }
        return value;
    }
}
