package dev.policygate.postgres;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application on a real PostgreSQL (env {@code POLICYGATE_TEST_PG_URL}, default the local
 * {@code test} database), in a schema of its own per test run so runs never see each other's data.
 */
public class PostgresProfile implements QuarkusTestProfile {
    static final String URL = env("POLICYGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("POLICYGATE_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("POLICYGATE_TEST_PG_PASSWORD", "");
    static final String SCHEMA = "pgtest_" + Long.toString(System.currentTimeMillis(), 36);

    @Override
    public Map<String, String> getConfigOverrides() {
        String separator = URL.contains("?") ? "&" : "?";
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", URL + separator + "currentSchema=" + SCHEMA,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.flyway.schemas", SCHEMA,
                "quarkus.flyway.create-schemas", "true");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
