package dev.policygate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How to fix one NOT_MET or PARTIAL finding, as reports show it.
 *
 * @param zh             what to add or change, in Chinese
 * @param en             the same in English
 * @param clauseTemplate the obligation's model clause with its placeholders ({@code {联系电话}} …)
 * @param clause         the model clause with the values this assessment knows filled in; the others stay
 *                       placeholders, listed in {@code open}
 * @param filled         the values filled in, by placeholder
 * @param open           placeholders the author still has to fill
 * @param insertAt       where the clause belongs in this policy, or null when no section fits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingRemediation(String zh, String en, String clauseTemplate, String clause,
                                 Map<String, String> filled, List<String> open, InsertionPoint insertAt) {
    /**
     * Insert the clause as a new paragraph at {@code offset} of the normalised text: the end of the section
     * {@code section} (its heading path).
     */
    public record InsertionPoint(int offset, String section) {
    }
}
