package dev.policygate.bench;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.ingest.Ingestor;
import java.util.Arrays;
import java.util.Locale;

/**
 * One JVM's median extraction time of the 15 KB policy of {@link PipelineBench} (ingest + extract, one thread),
 * printed alone in ms. {@code bench/pipeline.sh} runs it in several JVMs: the same classes run fast in one JVM and
 * a third slower in the next (what the JIT compiler makes of them differs from run to run), so one JVM's number
 * says little on its own.
 */
public final class ExtractionFork {
    private static final int WARMUP = 3000;
    private static final int RUNS = 500;

    public static void main(String[] args) {
        Ingestor ingestor = PipelineBench.quietIngestor();
        FactExtractor extractor = new FactExtractor();
        String text = PipelineBench.repeatTo(Corpus.read("004_3ec8ba16defe998b.txt"), 15 * 1024);
        for (int i = 0; i < WARMUP; i++) {
            extractor.extract(ingestor.ingestText(text));
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            extractor.extract(ingestor.ingestText(text));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%.2f%n", ms[RUNS / 2]);
        System.exit(0);
    }
}
