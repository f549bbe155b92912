package dev.policygate.postgres;

import org.junit.jupiter.api.extension.ExtendWith;

/** {@link dev.policygate.persistence.ResultMigrationTest} on PostgreSQL, in a schema of its own. */
@ExtendWith(PostgresAvailable.class)
class ResultMigrationPostgresTest extends dev.policygate.persistence.ResultMigrationTest {
    private final String schema = "pgmig_" + Long.toString(System.nanoTime(), 36);

    @Override
    protected String url() {
        return PostgresProfile.URL;
    }

    @Override
    protected String user() {
        return PostgresProfile.USER;
    }

    @Override
    protected String password() {
        return PostgresProfile.PASSWORD;
    }

    @Override
    protected String schema() {
        return schema;
    }
}
