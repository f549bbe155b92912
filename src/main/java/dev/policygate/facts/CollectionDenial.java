package dev.policygate.facts;

import dev.policygate.facts.PermissionRequest.Permission;
import java.util.List;

/**
 * A sentence where the policy says it does not collect, access or use a kind of data or a device permission
 * (我们不会收集您的位置信息, 不会调用您的摄像头权限). {@code permissions} are the device permissions the denied words
 * name (the groups of {@code app/dangerous-permissions.tsv}); {@code everything} when it denies all personal
 * information (我们不收集任何个人信息); {@code denied} is the object as written. Conditional refusals (未经您同意，
 * 我们不会收集…) are no denials and never become one.
 */
public record CollectionDenial(List<Permission> permissions, boolean everything, String denied,
                               List<Citation> citations) implements Fact {

    public CollectionDenial {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** Whether the app's permission gives what this sentence says the app does not collect. */
    public boolean contradictedBy(AppPermission p) {
        return p.dangerous() && (everything || p.kind() != null && permissions.contains(p.kind()));
    }
}
