package dev.policygate.security;

import dev.policygate.persistence.ApiTokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** The security identity of a policygate user: name and roles, as the identity providers build it. */
public final class Identities {
    /** Attribute of an identity authenticated by an API token: the token's id. */
    public static final String TOKEN_ID = "policygate.token-id";
    /** Attribute of an identity authenticated by an API token: its scopes. */
    public static final String TOKEN_SCOPES = "policygate.token-scopes";

    private Identities() {
    }

    static SecurityIdentity of(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roles).build();
    }

    static SecurityIdentity of(ApiTokens.Grant grant) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(grant.username()))
                .addRoles(grant.roles()).addAttribute(TOKEN_ID, grant.tokenId())
                .addAttribute(TOKEN_SCOPES, grant.scopes()).build();
    }

    /** Whether the identity came from an API token rather than a password or a portal session. */
    public static boolean byToken(SecurityIdentity identity) {
        return identity.getAttribute(TOKEN_ID) != null;
    }
}
