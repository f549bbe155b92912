package dev.policygate.facts;

import java.util.List;

/**
 * A permission the app's manifest requests ({@code uses-permission}), or that an app profile lists.
 * {@code kind} is the device permission a policy would name (相机权限 → CAMERA); {@code dataKinds} are the words
 * a policy uses for the data it gives (位置信息, 通讯录 …). App facts cite no policy text: {@code citations} is empty.
 */
public record AppPermission(String name, PermissionRequest.Permission kind, boolean dangerous, List<String> dataKinds,
                            List<Citation> citations) implements Fact {

    public AppPermission {
        dataKinds = dataKinds == null ? List.of() : List.copyOf(dataKinds);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** Whether the policy asks for this permission and says why. */
    public boolean disclosedBy(PermissionRequest r) {
        return r.permission() == kind && r.purpose() != null && !r.purpose().isBlank();
    }

    /** Whether a collection statement names data this permission gives (its purpose is then the collection's). */
    public boolean givenBy(DataCollection d) {
        for (PiType t : d.piTypes()) {
            for (String k : dataKinds) {
                if (t.name() != null && t.name().contains(k)) {
                    return true;
                }
            }
        }
        return false;
    }
}
