package dev.policygate.security;

import dev.policygate.persistence.UserDirectory;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The production profile refuses to start with an empty or placeholder secret: the database password, the
 * session encryption key (shared by all replicas, so a portal login works on each) and the passwords of the
 * seeded users, as configured and as stored.
 */
@ApplicationScoped
public class ProductionGuard {
    static final int MIN_SESSION_KEY_LENGTH = 32;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;
    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;
    @ConfigProperty(name = "policygate.audit.hmac-key")
    Optional<String> auditKey;
    @Inject
    SeedUsers seedUsers;
    @Inject
    UserDirectory users;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = new ArrayList<>(configProblems(databasePassword.orElse(""), sessionKey.orElse(""),
                seedUsers.configured()));
        String auditKeyProblem = auditKeyProblem(auditKey.orElse(""));
        if (auditKeyProblem != null) {
            problems.add(auditKeyProblem);
        }
        // a database seeded by a development run keeps its default passwords: refuse those too
        seedUsers.configured().forEach((name, password) -> {
            if (users.hasPassword(name, name)) {
                problems.add("user " + name + " still has its default password (change it: PUT /api/v1/users/" + name + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + ". See README, section Security.");
        }
    }

    /** The audit chain's HMAC key: long, and neither the development default nor a placeholder. */
    static String auditKeyProblem(String key) {
        if (key.length() < MIN_SESSION_KEY_LENGTH || key.contains("REPLACE_ME") || key.startsWith("dev-only")) {
            return "the audit HMAC key is missing, shorter than " + MIN_SESSION_KEY_LENGTH
                    + " characters, the development default or a placeholder (POLICYGATE_AUDIT_HMAC_KEY; k8s: Secret"
                    + " policygate-auth)";
        }
        return null;
    }

    static List<String> configProblems(String dbPassword, String sessionKey, java.util.Map<String, String> seedPasswords) {
        List<String> problems = new ArrayList<>();
        if (dbPassword.isBlank() || PasswordPolicy.KNOWN_DEFAULTS.contains(dbPassword.strip())) {
            problems.add("the database password is empty or a placeholder (QUARKUS_DATASOURCE_PASSWORD; k8s: Secret"
                    + " policygate-db)");
        }
        if (sessionKey.length() < MIN_SESSION_KEY_LENGTH || sessionKey.contains("REPLACE_ME")) {
            problems.add("the session encryption key is missing, shorter than " + MIN_SESSION_KEY_LENGTH
                    + " characters or a placeholder (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY; k8s: Secret"
                    + " policygate-auth)");
        }
        seedPasswords.forEach((name, password) -> {
            String problem = PasswordPolicy.problem(name, password);
            if (problem != null) {
                problems.add("the password of user " + name + " is not acceptable: " + problem + " (POLICYGATE_"
                        + name.toUpperCase() + "_PASSWORD; k8s: Secret policygate-auth)");
            }
        });
        return problems;
    }
}
