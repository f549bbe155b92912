package dev.policygate.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app}) run as a real process in the prod profile on
 * PostgreSQL, as a replica in a cluster would run it.
 */
final class AppProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String PG_URL = System.getenv().getOrDefault("POLICYGATE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    // the prod profile refuses default passwords: the replicas get real-looking ones
    static final String AUTHOR_PASSWORD = "it-author-Secret-1";
    static final String ADMIN_PASSWORD = "it-admin-Secret-1";
    static final String REVIEWER_PASSWORD = "it-reviewer-Secret-1";
    static final String SESSION_KEY = "it-only-session-encryption-key-0123456789";
    static final String AUDIT_KEY = "it-only-audit-hmac-key-0123456789abcdef";

    final int port;
    final Process process;
    final Path log;

    private AppProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a replica on {@code port} using database schema {@code schema}; waits until it is ready. */
    static AppProcess start(int port, String schema, Map<String, String> extraEnv) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with `./mvnw verify`");
        }
        Path log = Files.createTempFile("policygate-" + port + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString());
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL", PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("POLICYGATE_TEST_PG_USER", "postgres"),
                "QUARKUS_DATASOURCE_PASSWORD", "it-only-secret",
                "QUARKUS_FLYWAY_SCHEMAS", schema,
                "QUARKUS_FLYWAY_CREATE_SCHEMAS", "true",
                "POLICYGATE_RULES_DIR", "rules",
                "POLICYGATE_AUTHOR_PASSWORD", AUTHOR_PASSWORD,
                "POLICYGATE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "POLICYGATE_REVIEWER_PASSWORD", REVIEWER_PASSWORD));
        env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", SESSION_KEY);
        env.put("POLICYGATE_AUDIT_HMAC_KEY", AUDIT_KEY);
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(port)));
        env.putAll(extraEnv);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        AppProcess app = new AppProcess(port, pb.start(), log);
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics answer on the management interface, 1000 above the replica's HTTP port. */
    static int managementPort(int port) {
        return port + 1000;
    }

    String managementBase() {
        return "http://127.0.0.1:" + managementPort(port);
    }

    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica on " + port + " exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(managementBase() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica on " + port + " not ready in " + timeout + ":\n" + Files.readString(log));
    }

    /** SIGTERM, as Kubernetes stops a pod; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, as when a node dies or the OOM killer strikes. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(30));
        }
    }
}
