package dev.policygate.bench;

import dev.policygate.Corpus;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.IngestLimits;
import dev.policygate.ingest.Ingestor;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RulePack;
import dev.policygate.rules.RulePackLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Speed of the pipeline steps on the corpus: ingest + extract per policy (the five government policies and the 33
 * commercial ones), how extraction grows with size (15 KB, 150 KB, 1.5 MB made by repeating a corpus policy),
 * compiling the full pack, and evaluating one policy's facts. Medians after warm-up, on one thread: wall-clock
 * time, and the thread's CPU time, which other load on the machine inflates much less.
 * Run with {@code bench/pipeline.sh}; it is a benchmark, not a test.
 */
public final class PipelineBench {
    private static final int WARMUP = 200;
    private static final int RUNS = 500;

    public static void main(String[] args) {
        Ingestor ingestor = quietIngestor();
        FactExtractor extractor = new FactExtractor();

        System.out.println("== ingest + extract, per government policy (median of " + RUNS + " after " + WARMUP
                + " warm-up; wall / thread CPU)");
        for (Path p : Corpus.government()) {
            perPolicy(ingestor, extractor, p, WARMUP, RUNS);
        }
        System.out.println("== ingest + extract, per commercial policy (median of 100 after 50 warm-up)");
        for (Path p : Corpus.commercial()) {
            perPolicy(ingestor, extractor, p, 50, 100);
        }

        System.out.println("== growth with size (one government policy repeated; bytes are UTF-8; wall / thread CPU)");
        String base = Corpus.read("004_3ec8ba16defe998b.txt");
        for (int kb : new int[] {15, 150, 1500}) {
            String text = repeatTo(base, kb * 1024);
            int runs = kb >= 1500 ? 20 : kb >= 150 ? 100 : RUNS;
            double[] ms = medians(() -> extractor.extract(ingestor.ingestText(text)), kb >= 1500 ? 5 : WARMUP, runs);
            System.out.printf("%6d KB  %9.2f ms  (%.3f ms/KB)   cpu %9.2f ms  (%.3f ms/KB)%n", kb, ms[0], ms[0] / kb,
                    ms[1], ms[1] / kb);
        }
        // the same 15 KB without the sentence classifier: what the learned layer costs
        FactExtractor lexiconsOnly = new FactExtractor((dev.policygate.extract.SentenceClassifier) null);
        String text15 = repeatTo(base, 15 * 1024);
        double[] plain = medians(() -> lexiconsOnly.extract(ingestor.ingestText(text15)), WARMUP, RUNS);
        System.out.printf("    15 KB without the classifier  %9.2f ms   cpu %9.2f ms%n", plain[0], plain[1]);

        System.out.println("== rules");
        long t0 = System.nanoTime();
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        CompiledRuleSet compiled = new RuleCompiler().compile(pack);
        System.out.printf("compile full pack (%d obligations, cold JVM): %d ms%n", pack.obligations().size(),
                (System.nanoTime() - t0) / 1_000_000);
        double warmCompile = median(() -> new RuleCompiler().compile(pack), 3, 5);
        System.out.printf("compile full pack (warm, median of 5): %.0f ms%n", warmCompile);
        // a generous time limit: on a loaded machine the first evaluations in a cold JVM can take seconds
        try (RuleEvaluator evaluator = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS,
                java.time.Duration.ofSeconds(30), 2, 64)) {
            for (Path p : Corpus.government()) {
                List<Fact> facts = extractor.extract(ingestor.ingestText(Corpus.read(p)));
                double ms = median(() -> evaluator.evaluate(compiled, facts), 300, 1000);
                System.out.printf("evaluate %-28s %4d facts  %6.3f ms%n", p.getFileName(), facts.size(), ms);
            }
        }
        System.exit(0);
    }

    private static void perPolicy(Ingestor ingestor, FactExtractor extractor, Path p, int warmup, int runs) {
        String text = Corpus.read(p);
        double[] ms = medians(() -> extractor.extract(ingestor.ingestText(text)), warmup, runs);
        System.out.printf("%-28s %7.1f KB  %7.2f ms   cpu %7.2f ms%n", p.getFileName(),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024.0, ms[0], ms[1]);
    }

    /** An ingestor whose limits admit the 1.5 MB input, with logging kept quiet as the service keeps it. */
    static Ingestor quietIngestor() {
        // no logging configuration on the command line: keep it quiet, as the service does
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        return new Ingestor(new IngestLimits(64 * IngestLimits.MB, 64 * IngestLimits.MB, 500, 256 * IngestLimits.MB,
                IngestLimits.defaults().maxPdfTime()));
    }

    static String repeatTo(String text, int utf8Bytes) {
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < utf8Bytes) {
            sb.append(text).append('\n');
        }
        byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new String(b, 0, Math.min(b.length, utf8Bytes), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFFFD", "");
    }

    /** Medians of wall-clock and of this thread's CPU time, in ms. */
    private static double[] medians(Supplier<?> work, int warmup, int runs) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            work.get();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new double[] {ms[runs / 2], cpu[runs / 2]};
    }

    private static double median(Supplier<?> work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
