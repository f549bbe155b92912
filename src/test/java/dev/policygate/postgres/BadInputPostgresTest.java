package dev.policygate.postgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same tests as {@link dev.policygate.api.BadInputTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresAvailable.class)
class BadInputPostgresTest extends dev.policygate.api.BadInputTest {
}
