package dev.policygate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Assessments stored before migration V9 keep their facts and findings when these move to {@code assessment_result}
 * (the real migrations, on an empty H2 database here and on PostgreSQL in a subclass).
 */
public class ResultMigrationTest {
    private final String h2 = "jdbc:h2:mem:result_migration_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    protected String url() {
        return h2;
    }

    protected String user() {
        return "sa";
    }

    protected String password() {
        return "";
    }

    /** A schema of its own, or null for the database's default. */
    protected String schema() {
        return null;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
                .target(target);
        if (schema() != null) {
            config.schemas(schema()).createSchemas(true);
        }
        return config.load();
    }

    @Test
    void storedAssessmentsKeepTheirFactsAndFindings() throws SQLException {
        flyway("5").migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            if (schema() != null) {
                s.execute("set search_path to " + schema());
            }
            s.execute("insert into rule_set (version, sha256, scoring_config, author, source, created_at)"
                    + " values (1, 'x', '{}', 'test', 'pack', current_timestamp)");
            s.execute("insert into policy_text (sha256, normalized_text) values ('t1', '本政策……')");
            for (int i = 1; i <= 2; i++) {
                s.execute("insert into assessment (id, created_at, title, document_sha256, source_format,"
                        + " rule_set_version, score, verdict, facts_json, findings_json) values ("
                        + "'00000000-0000-0000-0000-00000000000" + i + "', current_timestamp, 'old', 't1', 'TEXT', 1,"
                        + " 50.0, 'NEEDS_REVISION', '[{\"n\":" + i + "}]', '[{\"f\":" + i + "}]')");
            }
        }
        flyway("latest").migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement s = c.createStatement()) {
            if (schema() != null) {
                s.execute("set search_path to " + schema());
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select a.id, a.result_key, r.facts_json, r.findings_json from assessment a"
                    + " join assessment_result r on r.result_key = a.result_key order by a.id")) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
                }
            }
            assertEquals(List.of(
                    "00000000-0000-0000-0000-000000000001 00000000-0000-0000-0000-000000000001 [{\"n\":1}] [{\"f\":1}]",
                    "00000000-0000-0000-0000-000000000002 00000000-0000-0000-0000-000000000002 [{\"n\":2}] [{\"f\":2}]"),
                    rows);
        }
    }
}
