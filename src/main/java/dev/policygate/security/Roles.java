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
        return validated(roles, ALL, "A user", "role");
    }

    /**
     * {@code values} in the order of {@code all}; 400 problem if empty or if one is not in {@code all}. Shared by the
     * roles of a user and the scopes of a token ({@code holder} has {@code noun}s).
     */
    static Set<String> validated(Collection<String> values, List<String> all, String holder, String noun) {
        if (values == null || values.isEmpty()) {
            throw new ProblemException(400, "Invalid " + noun + "s", holder + " needs at least one " + noun + " of "
                    + all + ".");
        }
        for (String v : values) {
            if (!all.contains(v)) {
                throw new ProblemException(400, "Invalid " + noun + "s", "Unknown " + noun + " '" + v + "'; " + noun
                        + "s are " + all + ".");
            }
        }
        Set<String> out = new LinkedHashSet<>();
        all.stream().filter(values::contains).forEach(out::add);
        return out;
    }
}
