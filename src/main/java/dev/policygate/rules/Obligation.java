package dev.policygate.rules;

import java.util.List;
import java.util.Objects;

/**
 * One obligation of a rule set: its metadata, its DRL source and the source of its rule tests.
 *
 * @param id          stable ID exactly as in the catalogue (HANDLER_IDENTITY …)
 * @param area        the catalogue area letter (A … I)
 * @param pack        the pack (directory) it was loaded from, e.g. {@code b-handler}
 * @param conditional whether the obligation may be NOT_APPLICABLE
 * @param drl         the DRL source; its rules must be named {@code "<id> …"}
 * @param tests       the YAML source of its rule tests, or null
 * @param remediation how to fix it when it is not met, or null (left out of the content hash when null)
 */
public record Obligation(String id, String titleZh, String titleEn, String area, String pack, Severity severity,
                         boolean conditional, List<LegalBasis> legalBasis, String drl, String tests,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         Remediation remediation) {
    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(drl, "drl");
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
    }

    /** An obligation without a remediation. */
    public Obligation(String id, String titleZh, String titleEn, String area, String pack, Severity severity,
                      boolean conditional, List<LegalBasis> legalBasis, String drl, String tests) {
        this(id, titleZh, titleEn, area, pack, severity, conditional, legalBasis, drl, tests, null);
    }

    /** The same obligation with another remediation. */
    public Obligation withRemediation(Remediation r) {
        return new Obligation(id, titleZh, titleEn, area, pack, severity, conditional, legalBasis, drl, tests, r);
    }

    /** Where messages about this obligation's DRL point to. */
    public String sourcePath() {
        return "rules/" + (pack == null || pack.isBlank() ? "" : pack + "/") + id + ".drl";
    }
}
