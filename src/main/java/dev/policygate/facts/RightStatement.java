package dev.policygate.facts;

import java.util.List;

/**
 * A right the policy grants, with how to exercise it: an in-app {@code path} (我的＞设置＞注销账户), the
 * {@code channels} (settings, contact, online form, offline visit …) and {@code conditions} that limit it.
 */
public record RightStatement(Right right, String path, List<String> channels, List<Condition> conditions,
                             List<Citation> citations) implements Fact {
    public enum Right {
        ACCESS, COPY, PORTABILITY, CORRECTION, DELETION, WITHDRAW_CONSENT, ACCOUNT_DELETION, RESTRICTION,
        EXPLANATION
    }

    public enum Condition {
        MANUAL_REVIEW,
        /** the only way is to delete the account and register again */
        RE_REGISTRATION,
        /** the only way is to visit an office */
        OFFLINE_VISIT,
        /** the only way is to contact staff */
        CONTACT_STAFF
    }

    /** Whether the statement says how to exercise the right. */
    public boolean hasWay() {
        return (path != null && !path.isBlank()) || (channels != null && !channels.isEmpty());
    }
}
