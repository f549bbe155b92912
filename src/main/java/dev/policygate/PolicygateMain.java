package dev.policygate;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The service's entry point. A start that fails because the database cannot be reached (wrong host, user, password
 * or database) ends with one line that says what to set, instead of a Flyway stack trace; any other failure is
 * logged whole, as Quarkus does.
 */
@QuarkusMain
public final class PolicygateMain {
    private PolicygateMain() {
    }

    public static void main(String... args) {
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null) {
                SQLException unreachable = databaseUnreachable(failure);
                if (unreachable != null) {
                    System.err.println(unreachableMessage(unreachable));
                } else {
                    Logger.getLogger(PolicygateMain.class).error("Failed to start application", failure);
                }
            }
            System.exit(exitCode);
        }, args);
    }

    /** An SQL error in the cause chain whose state says: no connection, refused credentials or no such database. */
    static SQLException databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("28")
                    || e.getSQLState().equals("3D000"))) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String unreachableMessage(SQLException e) {
        String url = config("quarkus.datasource.jdbc.url");
        String user = config("quarkus.datasource.username");
        return "policygate: cannot use the database " + url + " as user " + user + " (" + firstLine(e.getMessage())
                + "). Set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD"
                + " (README, section Configuration), or run without the prod profile for the embedded H2 database.";
    }

    private static String config(String name) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("(not set)");
        } catch (RuntimeException e) {
            return "(" + name + " unreadable)";
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.strip().lines().findFirst().orElse("no detail");
    }
}
