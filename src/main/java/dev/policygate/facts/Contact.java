package dev.policygate.facts;

import java.util.List;

/** A contact channel, and whose it is. */
public record Contact(Channel channel, String value, Owner owner, List<Citation> citations) implements Fact {
    public enum Channel { PHONE, EMAIL, POSTAL_ADDRESS, FAX, WEBSITE, FEEDBACK_PATH }

    public enum Owner {
        HANDLER,
        /** the personal-information protection officer or department */
        PROTECTION_OFFICER
    }
}
