package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.policygate.Corpus;
import dev.policygate.report.JsonReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code check --server} against a small local server that is busy (503 or 429 with Retry-After) before it answers
 * with a real assessment (the one this JVM makes of the sample policy, as the service would return it).
 */
class RemoteRetryTest {
    static final Path POLICY = Corpus.sample("kingsoft-online.txt");

    private HttpServer server;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    /** Answers {@code busyStatus} with Retry-After: 1 {@code busyTimes} times, then 201 with the assessment. */
    private String serve(int busyStatus, int busyTimes) throws IOException {
        byte[] assessment = JsonReport.MAPPER.writeValueAsBytes(
                new LocalAssessor(RuleSets.load(Path.of("rules"))).assess(POLICY, "x").report());
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/assessments", exchange -> {
            arrivals.add(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            if (calls.incrementAndGet() <= busyTimes) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer(exchange, busyStatus, "{\"title\":\"busy\",\"detail\":\"try again\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, 201, assessment);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void busyAnswersAreRetriedAfterTheirRetryAfter() throws Exception {
        String base = serve(503, 2);
        Cli.Run run = Cli.run("check", POLICY.toString(), "--server", base, "-q");
        assertEquals(3, arrivals.size(), run.toString());
        for (int i = 1; i < 3; i++) {
            long waitedMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms before attempt " + (i + 1));
        }
        assertTrue(run.out().contains("1 policies: ") && !run.out().contains("ERROR"), run.toString());
        assertEquals(Cli.run("check", POLICY.toString(), "--rules", "rules", "-q").code(), run.code(),
                "the same decision as a local check\n" + run);
    }

    @Test
    void tooManyBusyAnswersAreReportedAfterFiveAttempts() throws Exception {
        String base = serve(429, 100);
        Cli.Run run = Cli.run("check", POLICY.toString(), "--server", base, "-q");
        assertEquals(RemoteAssessor.MAX_ATTEMPTS, arrivals.size());
        assertEquals(PolicygateCli.USAGE, run.code(), run.toString());
        assertTrue(run.out().contains("server answered 429: busy — try again"), run.toString());
    }

    @Test
    void aRefusedConnectionIsTriedAFewTimesThenReported() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        long start = System.nanoTime();
        Cli.Run run = Cli.run("check", POLICY.toString(), "--server", "http://127.0.0.1:" + port + "/", "-q");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(PolicygateCli.USAGE, run.code(), run.toString());
        assertTrue(run.out().contains("cannot reach"), run.toString());
        // MAX_CONNECT_ATTEMPTS (3) attempts: waits of 0.5 s and 1 s between them
        assertTrue(tookMillis >= 1400, "retried for " + tookMillis + " ms");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndLongWaitsAreNotRetried() {
        Duration backoff = Duration.ofMillis(500);
        assertEquals(Duration.ofSeconds(2), RemoteAssessor.retryAfter("2", backoff));
        assertEquals(backoff, RemoteAssessor.retryAfter(null, backoff));
        assertEquals(backoff, RemoteAssessor.retryAfter("soon", backoff));
        assertEquals(Duration.ZERO, RemoteAssessor.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", backoff));
        assertNull(RemoteAssessor.retryAfter("3600", backoff));
    }
}
