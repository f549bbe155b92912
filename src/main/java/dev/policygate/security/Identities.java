package dev.policygate.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** The security identity of a policygate user: name and roles, as both identity providers build it. */
final class Identities {
    private Identities() {
    }

    static SecurityIdentity of(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roles).build();
    }
}
