package dev.policygate.facts;

import java.util.List;

/**
 * A recipient of PI or an embedded SDK. {@code named} is false for unnamed recipients (关联方, 合作伙伴).
 * {@code listedSeparately} when the details are said to be in a separate list rather than in the text.
 */
public record ThirdParty(Kind kind, String provider, String service, boolean named, String purpose,
                         List<String> piTypes, String policyUrl, boolean listedSeparately,
                         List<Citation> citations) implements Fact {
    public enum Kind { SDK, RECIPIENT }
}
