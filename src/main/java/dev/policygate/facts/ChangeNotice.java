package dev.policygate.facts;

import java.util.List;

/** One way the policy says users are told of changes to it. */
public record ChangeNotice(Method method, List<Citation> citations) implements Fact {
    public enum Method {
        PUSH, POPUP, SMS, EMAIL, IN_APP_MESSAGE, PROMINENT_NOTICE,
        /** only posting the new version on the policy page */
        PAGE_UPDATE
    }
}
