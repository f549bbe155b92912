package dev.policygate.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when the server answers. On a developer machine without one they are skipped with a
 * visible reason; in CI ({@code CI} set) they always run, so a missing database fails the build.
 */
public class PostgresAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        URI uri = URI.create(PostgresProfile.URL.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + host + ":" + port);
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("CI: PostgreSQL must be running at " + host + ":" + port);
            }
            String reason = "SKIPPED: no PostgreSQL at " + host + ":" + port
                    + " (start one, or run .ci/run, to run the PostgreSQL tests)";
            System.err.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
