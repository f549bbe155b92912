package dev.policygate.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.policygate.postgres.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged application in the prod profile refuses to start with default secrets, and says which. */
@ExtendWith(PostgresAvailable.class)
class ProductionGuardIT {
    @Test
    void aDefaultAdminPasswordAndAMissingSessionKeyStopTheStart() {
        String schema = "guard_" + Long.toString(System.currentTimeMillis(), 36);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AppProcess.start(18093, schema,
                Map.of("POLICYGATE_ADMIN_PASSWORD", "admin", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "")));
        String log = e.getMessage();
        assertTrue(log.contains("Refusing to start in production"), log);
        assertTrue(log.contains("POLICYGATE_ADMIN_PASSWORD"), log);
        assertTrue(log.contains("session encryption key"), log);
        assertTrue(!log.contains("POLICYGATE_AUTHOR_PASSWORD"), "only the weak secrets are named: " + log);
    }
}
