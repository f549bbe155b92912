package dev.policygate.facts;

import java.util.List;

/**
 * One collection statement: the business function, what PI it collects, why and how. {@code openEnded} is
 * true when the list of types is left open (等, 例如, 包括但不限于); {@code genericPurpose} when the only
 * purpose given is generic (为了提供服务). {@code optional} is null when the policy does not say.
 */
public record DataCollection(String function, String purpose, List<PiType> piTypes, Method method,
                             Boolean optional, boolean openEnded, boolean genericPurpose,
                             List<Citation> citations) implements Fact {
    public enum Method { PROVIDED_BY_USER, COLLECTED_AUTOMATICALLY, FROM_THIRD_PARTY }
}
