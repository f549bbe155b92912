package dev.policygate.facts;

import java.util.List;

/** Where PI is stored. */
public record StorageLocation(Region region, String place, List<Citation> citations) implements Fact {
    public enum Region { MAINLAND_CHINA, ABROAD, OTHER }
}
