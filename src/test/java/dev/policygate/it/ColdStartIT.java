package dev.policygate.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygate.Corpus;
import dev.policygate.postgres.PostgresAvailable;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ready means ready: the packaged app started beside CPU-burning neighbours (a shared CI runner, a node during a
 * rollout) answers four assessments sent at once the moment {@code /q/health/ready} is UP, all 201.
 */
@ExtendWith(PostgresAvailable.class)
class ColdStartIT {
    private static final String[] POLICIES = {"000_", "001_", "002_", "003_"};

    @Test
    void fourAssessmentsAtOnceTheMomentItIsReadyOnABusyMachine() throws Exception {
        AtomicBoolean burning = new AtomicBoolean(true);
        List<Thread> neighbours = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x += System.nanoTime() % 7; // a neighbour that wants a whole core
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "cpu-neighbour-" + i);
            t.setDaemon(true);
            t.start();
            neighbours.add(t);
        }
        String schema = "it_cold_" + Long.toString(System.currentTimeMillis(), 36);
        ExecutorService clients = Executors.newFixedThreadPool(POLICIES.length);
        try (AppProcess app = AppProcess.start(18191, schema, Map.of())) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (String p : POLICIES) {
                String text = Corpus.read(Corpus.government().stream()
                        .filter(f -> f.getFileName().toString().startsWith(p)).findFirst().orElseThrow());
                sent.add(clients.submit(() -> {
                    go.await();
                    return given().baseUri(app.base()).contentType(ContentType.JSON)
                            .body(Map.of("text", text, "title", "cold start " + p)).post("/api/v1/assessments");
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (int i = 0; i < POLICIES.length; i++) {
                Response r = sent.get(i).get();
                assertEquals(201, r.statusCode(), POLICIES[i] + ": " + r.asString());
            }
            System.out.println("[cold start] 4 assessments at once right after ready, with "
                    + neighbours.size() + " CPU-burning neighbours: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } finally {
            burning.set(false);
            clients.shutdownNow();
        }
    }
}
