package dev.policygate.security;

import dev.policygate.api.ProblemException;
import java.util.Set;
import java.util.regex.Pattern;

/** What a password set through the API (or given to production) must be: long, and not a known default. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    /** Passwords that ship in configuration files or examples; never acceptable outside development. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("author", "admin", "reviewer", "REPLACE_ME", "changeme",
            "password", "policygate", "postgres", "secret", "123456");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private PasswordPolicy() {
    }

    public static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ProblemException(400, "Invalid username", "A username is 1-100 characters of letters, digits"
                    + " and . _ @ -, starting with a letter or digit.");
        }
    }

    public static void check(String username, String password) {
        String problem = problem(username, password);
        if (problem != null) {
            throw new ProblemException(400, "Weak password", problem);
        }
    }

    /** Why the password is not acceptable, or null if it is. */
    public static String problem(String username, String password) {
        if (password == null || password.isBlank()) {
            return "The password is empty.";
        }
        if (KNOWN_DEFAULTS.contains(password.strip()) || password.equalsIgnoreCase(username)) {
            return "The password is a default or the username.";
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.";
        }
        return null;
    }
}
