package dev.policygate.facts;

import java.util.List;

/**
 * A sentence that speaks of an {@link Area} (as the learned sentence classifier reads it) while no hand-written
 * pattern of that area read it, with what can still be parsed from it: the PI types it names (collection, sharing),
 * the purpose it states (collection, permissions, sharing), the named parties it gives data to (sharing: companies,
 * SDKs), a retention period (storage), the device permissions it names (permissions) and the contact details it gives
 * (contact). What an area does not parse is empty (lists) or null. {@code probability} is the classifier's, rounded to
 * two decimals. Rules may count these as evidence that the policy addresses an area; they say less than the typed
 * facts of the area.
 */
public record AreaStatement(Area area, double probability, List<PiType> piTypes, String purpose, List<String> parties,
                            String period, List<PermissionRequest.Permission> permissions, List<String> contacts,
                            List<Citation> citations) implements Fact {
}
