package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Linear time, a few milliseconds for a typical policy (bounds are loose: CI machines are shared). */
class PerformanceTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static double medianMillis(byte[] bytes, int runs) {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            INGESTOR.ingest(bytes, null);
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    @Test
    void fifteenKilobytesInMillisecondsAndOnePointFiveMegabytesLinearly() {
        byte[] policy = Corpus.text("004_").getBytes(StandardCharsets.UTF_8); // 18 KB, 28 sections
        StringBuilder big = new StringBuilder();
        int bytes = 0;
        for (int i = 0; bytes < 1_500_000; i++) {
            String t = Corpus.read(Corpus.all().get(i % Corpus.all().size()));
            big.append(t).append('\n');
            bytes += t.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        byte[] large = big.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 30; i++) {
            INGESTOR.ingest(policy, null); // warm up the JIT
        }
        INGESTOR.ingest(large, null);
        double small = medianMillis(policy, 31);
        double bigMs = medianMillis(large, 3);
        System.out.printf("ingest: %d bytes in %.2f ms, %d bytes in %.1f ms%n", policy.length, small, large.length, bigMs);
        assertTrue(small < 50, "15 KB policy took " + small + " ms");
        assertTrue(bigMs < 5000, "1.5 MB text took " + bigMs + " ms");
        // roughly linear: 100x the text may cost at most ~1000x (generous for GC and a shared CPU)
        assertTrue(bigMs < Math.max(200, small * large.length / policy.length * 10), "not linear: " + bigMs + " ms");
    }

    @Test
    void pathologicalInputsStayFast() {
        String[] inputs = {
            "一、".repeat(200_000),                       // one long line of markers
            "1.".repeat(200_000),
            "(".repeat(300_000) + "一",
            "第".repeat(300_000),
            ("1.1.1.1.1.1" + "\n").repeat(50_000),
            ("一、标题\n").repeat(50_000),                 // 50k headings in a row
            "。".repeat(500_000),
            ("附录" + "\n").repeat(50_000),
        };
        for (String s : inputs) {
            long t0 = System.nanoTime();
            try {
                INGESTOR.ingestText(s);
            } catch (IngestException e) {
                // fine: size limits
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            assertTrue(ms < 3000, "took " + ms + " ms on " + s.substring(0, 20));
        }
    }
}
