package dev.policygate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * An accepted finding: obligation {@code obligation} may fail, for the policies whose file matches the glob
 * {@code files} and whose app (ID or title) matches the glob {@code app} (both optional: all), until and
 * including {@code expires}. A waived finding still shows in every report but does not fail the gate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Waiver(String obligation, String files, String app, String reason, String owner, LocalDate expires) {
    /** Throws IllegalArgumentException naming the missing field; {@code where} says which waiver. */
    public Waiver validated(String where) {
        if (blank(obligation)) {
            throw new IllegalArgumentException(where + ": a waiver needs an obligation");
        }
        if (blank(reason)) {
            throw new IllegalArgumentException(where + " (" + obligation + "): a waiver needs a reason");
        }
        if (blank(owner)) {
            throw new IllegalArgumentException(where + " (" + obligation + "): a waiver needs an owner");
        }
        if (expires == null) {
            throw new IllegalArgumentException(where + " (" + obligation
                    + "): a waiver needs an expiry date (expires: YYYY-MM-DD)");
        }
        return this;
    }

    /** Whether the waiver still holds on {@code today} (it expires at the end of its day). */
    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
