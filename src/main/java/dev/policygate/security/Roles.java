package dev.policygate.security;

import dev.policygate.api.ProblemException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The three roles: reviewers assess and read, rule authors edit obligations, admins activate and manage users. */
public final class Roles {
    public static final String REVIEWER = "reviewer";
    public static final String RULE_AUTHOR = "rule-author";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(REVIEWER, RULE_AUTHOR, ADMIN);

    private Roles() {
    }

    /** The roles, in the order of {@link #ALL}; 400 if empty or unknown. */
    public static Set<String> validate(Collection<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ProblemException(400, "Invalid roles", "A user needs at least one role of " + ALL + ".");
        }
        for (String r : roles) {
            if (!ALL.contains(r)) {
                throw new ProblemException(400, "Invalid roles", "Unknown role '" + r + "'; roles are " + ALL + ".");
            }
        }
        Set<String> out = new LinkedHashSet<>();
        ALL.stream().filter(roles::contains).forEach(out::add);
        return out;
    }
}
