package dev.policygate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.postgres.PostgresAvailable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged app that cannot use its database says so in one line, naming what to set, and exits. */
@ExtendWith(PostgresAvailable.class)
class DatabaseUnreachableIT {
    @Test
    void anUnknownDatabaseUserIsOneLineNamingTheSettings() {
        String schema = "nodb_" + Long.toString(System.currentTimeMillis(), 36);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AppProcess.start(18094, schema,
                Map.of("QUARKUS_DATASOURCE_USERNAME", "policygate_no_such_role")));
        String log = e.getMessage().substring(e.getMessage().indexOf('\n') + 1);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        assertFalse(log.contains("org.flywaydb"), log);
        assertEquals(1, log.lines().filter(l -> l.startsWith("policygate: cannot use the database")).count(), log);
        assertTrue(log.contains("as user policygate_no_such_role"), log);
        assertTrue(log.contains("QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD"), log);
    }
}
