package dev.policygate.postgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same tests as {@link dev.policygate.api.SecurityApiTest}, on PostgreSQL (row locks keep the audit chain linear). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class SecurityApiPostgresTest extends dev.policygate.api.SecurityApiTest {
}
