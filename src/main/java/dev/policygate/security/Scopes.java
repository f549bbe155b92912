package dev.policygate.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an API token may do. Each scope stands for one role: {@code assess} for {@code reviewer} (assess and
 * gate), {@code author} for {@code rule-author} (edit obligations), {@code admin} for {@code admin}.
 */
public final class Scopes {
    public static final String ASSESS = "assess";
    public static final String AUTHOR = "author";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(ASSESS, AUTHOR, ADMIN);
    private static final Map<String, String> ROLE = Map.of(ASSESS, Roles.REVIEWER, AUTHOR, Roles.RULE_AUTHOR,
            ADMIN, Roles.ADMIN);

    private Scopes() {
    }

    /** The scopes, in the order of {@link #ALL}; 400 if empty or unknown. */
    public static Set<String> validate(Collection<String> scopes) {
        return Roles.validated(scopes, ALL, "A token", "scope");
    }

    /** The scopes a user with these roles may give a token. */
    public static Set<String> allowedBy(Set<String> roles) {
        Set<String> out = new LinkedHashSet<>();
        ALL.stream().filter(s -> roles.contains(ROLE.get(s))).forEach(out::add);
        return out;
    }

    /** The roles a token with these scopes grants to a user who has {@code userRoles} now: never more than those. */
    public static Set<String> roles(Set<String> scopes, Set<String> userRoles) {
        Set<String> out = new LinkedHashSet<>();
        Roles.ALL.stream().filter(userRoles::contains).filter(r -> scopes.stream().anyMatch(s -> r.equals(ROLE.get(s))))
                .forEach(out::add);
        return out;
    }
}
