package dev.policygate.security;

import dev.policygate.persistence.UserDirectory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the three built-in users at start-up when they do not exist yet, with the passwords from the
 * environment (POLICYGATE_AUTHOR/ADMIN/REVIEWER_PASSWORD). Afterwards the users API manages them: a later change
 * of the environment does not overwrite a password changed there.
 */
@ApplicationScoped
public class SeedUsers {
    private static final Logger LOG = Logger.getLogger(SeedUsers.class);
    static final Map<String, List<String>> ROLES = Map.of(
            "author", List.of(Roles.RULE_AUTHOR, Roles.REVIEWER),
            "admin", List.of(Roles.ADMIN, Roles.RULE_AUTHOR, Roles.REVIEWER),
            "reviewer", List.of(Roles.REVIEWER));

    @ConfigProperty(name = "policygate.users.author.password")
    String authorPassword;
    @ConfigProperty(name = "policygate.users.admin.password")
    String adminPassword;
    @ConfigProperty(name = "policygate.users.reviewer.password")
    String reviewerPassword;
    @Inject
    UserDirectory users;

    /** The configured password of each built-in user. */
    Map<String, String> configured() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("author", authorPassword);
        out.put("admin", adminPassword);
        out.put("reviewer", reviewerPassword);
        return out;
    }

    // after the production guard has checked the configured passwords
    void onStart(@Observes @Priority(2) StartupEvent event) {
        configured().forEach((name, password) -> {
            try {
                if (users.seed(name, password, ROLES.get(name))) {
                    LOG.infof("Created user %s (roles %s)", name, ROLES.get(name));
                }
            } catch (RuntimeException e) {
                // another replica seeded it at the same moment: fine if it exists now
                if (!users.exists(name)) {
                    throw e;
                }
            }
        });
    }
}
