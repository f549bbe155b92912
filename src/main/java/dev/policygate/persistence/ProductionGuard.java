package dev.policygate.persistence;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The production profile refuses to start with an empty or placeholder database password. */
@ApplicationScoped
public class ProductionGuard {
    static final Set<String> PLACEHOLDERS = Set.of("REPLACE_ME", "changeme", "password", "policygate", "postgres");

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            check(databasePassword.orElse(""));
        }
    }

    static void check(String password) {
        if (password.isBlank() || PLACEHOLDERS.contains(password.strip())) {
            throw new IllegalStateException("Refusing to start: the database password is empty or a placeholder. "
                    + "Set QUARKUS_DATASOURCE_PASSWORD (k8s: the policygate-db Secret) to a real secret.");
        }
    }
}
