package dev.policygate.facts;

import java.util.List;

/**
 * A person or department designated for personal-information protection (个人信息保护负责人/部门), and whether
 * the policy gives it a contact of its own. Mentions inside a list of possible policy changes are not facts.
 */
public record ProtectionOfficer(String designation, boolean hasOwnContact, List<Citation> citations)
        implements Fact {
}
