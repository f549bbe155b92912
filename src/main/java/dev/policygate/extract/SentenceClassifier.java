package dev.policygate.extract;

import dev.policygate.facts.Area;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Says which {@link Area}s a sentence speaks of: one logistic-regression model per area over
 * {@link SentenceFeatures} (binary features, scaled by the number of keys generated), trained by {@code policygate train} on the
 * labelled policies (stage one). Stage two reads a sentence in its place: per area, a logistic regression over
 * the stage-one logits of the sentence, of the sentences before and after it and the mean over its section
 * ({@link #contextRow}), because a policy speaks of one area for a paragraph or a section at a time ("3. 设备信息"
 * is collection under "一、我们收集的信息" and a right under "四、您的权利"). A sentence is in an area when its
 * probability reaches the area's threshold. Immutable and thread-safe; the feature buffer is per thread.
 *
 * <p>The model file is text: comment lines ({@code #}, the data's attribution), {@code areas}, {@code bias} and
 * {@code threshold} rows, the stage-two rows ({@code context}, the area, {@link #CONTEXT_WIDTH} weights), then one
 * row per feature: its key in hex and the non-zero weights as {@code areaIndex:weight}.
 */
public final class SentenceClassifier {
    /** The model built into the product (trained on all labelled policies). */
    public static final String RESOURCE = "/classifier/sentence-areas.tsv";
    private static final Area[] AREAS = Area.values();
    /** Stage two's inputs: the ten logits of the sentence, the one before, the one after, the section mean; a bias. */
    public static final int CONTEXT_WIDTH = 4 * AREAS.length + 1;
    private static final ThreadLocal<SentenceFeatures> FEATURES = ThreadLocal.withInitial(SentenceFeatures::new);

    private final List<String> header;
    private final long[] keys;          // sorted
    private final float[] weights;      // keys.length * AREAS.length
    private final double[] bias;
    private final double[] thresholds;
    private final double[] logitThresholds;
    private final double[][] context;   // per area, CONTEXT_WIDTH weights; null: stage one alone
    private final long[] table;         // open addressing: key, 0 = empty
    private final int[] slots;          // the key's row in weights
    private final int shift;
    /** Per thread: for each weight row, the last sentence that added it (so a repeated key counts once). */
    private final ThreadLocal<int[]> stamps;
    private final ThreadLocal<int[]> sentenceCounter = ThreadLocal.withInitial(() -> new int[1]);

    public SentenceClassifier(List<String> header, long[] keys, float[] weights, double[] bias, double[] thresholds) {
        this(header, keys, weights, bias, thresholds, null);
    }

    /** With stage two: {@code context[area]} holds {@link #CONTEXT_WIDTH} weights (null for stage one alone). */
    public SentenceClassifier(List<String> header, long[] keys, float[] weights, double[] bias, double[] thresholds,
                              double[][] context) {
        if (weights.length != keys.length * AREAS.length || bias.length != AREAS.length
                || thresholds.length != AREAS.length) {
            throw new IllegalArgumentException("model dimensions do not match " + AREAS.length + " areas");
        }
        if (context != null && (context.length != AREAS.length
                || java.util.Arrays.stream(context).anyMatch(w -> w == null || w.length != CONTEXT_WIDTH))) {
            throw new IllegalArgumentException("stage two needs " + CONTEXT_WIDTH + " weights for each area");
        }
        this.context = context == null ? null : java.util.Arrays.stream(context).map(double[]::clone)
                .toArray(double[][]::new);
        this.header = List.copyOf(header);
        this.keys = keys.clone();
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.thresholds = thresholds.clone();
        this.logitThresholds = new double[AREAS.length];
        for (int a = 0; a < AREAS.length; a++) {
            logitThresholds[a] = Math.log(thresholds[a] / (1 - thresholds[a]));
        }
        int bits = 4;
        while ((1 << bits) < keys.length * 2) {
            bits++;
        }
        this.shift = 64 - bits;
        this.table = new long[1 << bits];
        this.slots = new int[1 << bits];
        this.stamps = ThreadLocal.withInitial(() -> new int[keys.length]);
        for (int i = 0; i < keys.length; i++) {
            int h = slot(keys[i]);
            while (table[h] != 0) {
                h = (h + 1) & (table.length - 1);
            }
            table[h] = keys[i];
            slots[h] = i;
        }
    }

    private static final class Shipped {
        static final SentenceClassifier MODEL = load();

        private static SentenceClassifier load() {
            try (InputStream in = SentenceClassifier.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** This stage one with stage two's weights. */
    public SentenceClassifier withContext(double[][] contextWeights) {
        return new SentenceClassifier(header, keys, weights, bias, thresholds, contextWeights);
    }

    /** This model with other thresholds (one per area). */
    public SentenceClassifier withThresholds(double[] areaThresholds) {
        return new SentenceClassifier(header, keys, weights, bias, areaThresholds, context);
    }

    /** The model built into the product. */
    public static SentenceClassifier shipped() {
        return Shipped.MODEL;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private int row(long key) {
        int h = slot(key);
        while (true) {
            long k = table[h];
            if (k == key) {
                return slots[h];
            }
            if (k == 0) {
                return -1;
            }
            h = (h + 1) & (table.length - 1);
        }
    }

    /** The log-odds of each area for {@code text[start, end)} under the heading path {@code section}. */
    public double[] logits(String text, int start, int end, String section) {
        return logits(text, start, end, section, start, start);
    }

    /** As above, with the sentence before it at {@code text[prevStart, prevEnd)} (empty for none). */
    public double[] logits(String text, int start, int end, String section, int prevStart, int prevEnd) {
        SentenceFeatures f = FEATURES.get();
        long[] k = f.collect(text, start, end, section, prevStart, prevEnd);
        int n = f.size();
        double[] z = new double[AREAS.length];
        if (n == 0) {
            System.arraycopy(bias, 0, z, 0, z.length);
            return z;
        }
        int[] seen = stamps.get();
        int[] counter = sentenceCounter.get();
        int stamp = ++counter[0];
        if (stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seen, 0);
            counter[0] = stamp = 1;
        }
        for (int i = 0; i < n; i++) {
            int r = row(k[i]);
            if (r >= 0 && seen[r] != stamp) {
                seen[r] = stamp;
                int base = r * AREAS.length;
                for (int a = 0; a < AREAS.length; a++) {
                    z[a] += weights[base + a];
                }
            }
        }
        double scale = 1 / Math.sqrt(n);
        for (int a = 0; a < AREAS.length; a++) {
            z[a] = z[a] * scale + bias[a];
        }
        return z;
    }

    /** The stage-one logits of every sentence of {@code d}, each with the sentence before it. */
    public double[][] sentenceLogits(Document d) {
        List<Sentence> sentences = d.sentences();
        String text = d.normalizedText();
        double[][] z = new double[sentences.size()][];
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            Sentence prev = i == 0 ? s : sentences.get(i - 1);
            z[i] = logits(text, s.start(), s.end(), s.section(), prev.start(), i == 0 ? s.start() : prev.end());
        }
        return z;
    }

    /** The final logits of every sentence of {@code d}: stage one read in context by stage two. */
    public double[][] logits(Document d) {
        double[][] z = sentenceLogits(d);
        return context == null ? z : inContext(contextRows(z, d.sentences()));
    }

    private double[][] inContext(double[][] rows) {
        double[][] out = new double[rows.length][AREAS.length];
        for (int i = 0; i < rows.length; i++) {
            for (int a = 0; a < AREAS.length; a++) {
                double sum = 0;
                for (int j = 0; j < CONTEXT_WIDTH; j++) {
                    sum += context[a][j] * rows[i][j];
                }
                out[i][a] = sum;
            }
        }
        return out;
    }

    /** Stage two's inputs for every sentence, from the stage-one logits {@code z} (see {@link #contextRow}). */
    public static double[][] contextRows(double[][] z, List<Sentence> sentences) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < z.length; i++) {
            String section = sentences.get(i).section();
            double[] sum = sums.computeIfAbsent(section, k -> new double[AREAS.length]);
            for (int a = 0; a < AREAS.length; a++) {
                sum[a] += z[i][a];
            }
            counts.merge(section, 1, Integer::sum);
        }
        double[][] rows = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            String section = sentences.get(i).section();
            rows[i] = contextRow(z[i], i == 0 ? null : z[i - 1], i + 1 == z.length ? null : z[i + 1],
                    sums.get(section), counts.get(section));
        }
        return rows;
    }

    /**
     * The logits of the sentence, of the sentences before and after it (zeros where there is none), their mean
     * over the sentence's section ({@code sectionSum / sectionCount}), and 1 for the bias.
     */
    static double[] contextRow(double[] self, double[] before, double[] after, double[] sectionSum, int sectionCount) {
        double[] row = new double[CONTEXT_WIDTH];
        int n = AREAS.length;
        for (int a = 0; a < n; a++) {
            row[a] = self[a];
            row[n + a] = before == null ? 0 : before[a];
            row[2 * n + a] = after == null ? 0 : after[a];
            row[3 * n + a] = sectionSum[a] / sectionCount;
        }
        row[CONTEXT_WIDTH - 1] = 1;
        return row;
    }

    /** The areas whose probability reaches their threshold, for a sentence read alone (its own section). */
    public Set<Area> areas(String text, int start, int end, String section) {
        double[] z = logits(text, start, end, section);
        if (context != null) {
            z = inContext(new double[][] {contextRow(z, null, null, z, 1)})[0];
        }
        Set<Area> out = EnumSet.noneOf(Area.class);
        for (int a = 0; a < AREAS.length; a++) {
            if (z[a] >= logitThresholds[a]) {
                out.add(AREAS[a]);
            }
        }
        return out;
    }

    public static double probability(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    public double threshold(Area area) {
        return thresholds[area.ordinal()];
    }

    public int features() {
        return keys.length;
    }

    /** Writes the model; {@link #read} gives back an equal classifier. The output depends only on the model. */
    public void write(Writer out) throws IOException {
        for (String h : header) {
            out.write("# " + h + "\n");
        }
        StringBuilder b = new StringBuilder("areas");
        for (Area a : AREAS) {
            b.append('\t').append(a.name());
        }
        out.write(b.append('\n').toString());
        out.write(row("bias", bias));
        out.write(row("threshold", thresholds));
        if (context != null) {
            for (Area a : AREAS) {
                out.write(row("context\t" + a.name(), context[a.ordinal()]));
            }
        }
        for (int i = 0; i < keys.length; i++) {
            b.setLength(0);
            b.append(Long.toHexString(keys[i]));
            for (int a = 0; a < AREAS.length; a++) {
                float w = weights[i * AREAS.length + a];
                if (w != 0) {
                    b.append('\t').append(a).append(':').append(w);
                }
            }
            out.write(b.append('\n').toString());
        }
    }

    private static String row(String name, double[] values) {
        StringBuilder b = new StringBuilder(name);
        for (double v : values) {
            b.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
        }
        return b.append('\n').toString();
    }

    public static SentenceClassifier read(BufferedReader in) throws IOException {
        List<String> header = new ArrayList<>();
        double[] bias = null;
        double[] thresholds = null;
        double[][] context = null;
        List<long[]> rows = new ArrayList<>();
        List<float[]> rowWeights = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("# ")) {
                header.add(line.substring(2));
                continue;
            }
            String[] cells = line.split("\t");
            switch (cells[0]) {
                case "areas" -> {
                    for (int a = 0; a < AREAS.length; a++) {
                        if (cells.length != AREAS.length + 1 || !cells[a + 1].equals(AREAS[a].name())) {
                            throw new IOException("line " + lineNo + ": the model's areas are not " + List.of(AREAS));
                        }
                    }
                }
                case "bias" -> bias = doubles(cells, lineNo);
                case "threshold" -> thresholds = doubles(cells, lineNo);
                case "context" -> {
                    if (cells.length != CONTEXT_WIDTH + 2) {
                        throw new IOException("line " + lineNo + ": expected an area and " + CONTEXT_WIDTH + " weights");
                    }
                    if (context == null) {
                        context = new double[AREAS.length][];
                    }
                    double[] w = new double[CONTEXT_WIDTH];
                    for (int j = 0; j < CONTEXT_WIDTH; j++) {
                        w[j] = Double.parseDouble(cells[j + 2]);
                    }
                    context[Area.valueOf(cells[1]).ordinal()] = w;
                }
                default -> {
                    long key = Long.parseUnsignedLong(cells[0], 16);
                    float[] w = new float[AREAS.length];
                    for (int i = 1; i < cells.length; i++) {
                        int colon = cells[i].indexOf(':');
                        w[Integer.parseInt(cells[i].substring(0, colon))] = Float.parseFloat(cells[i].substring(colon + 1));
                    }
                    rows.add(new long[] {key});
                    rowWeights.add(w);
                }
            }
        }
        if (bias == null || thresholds == null) {
            throw new IOException("the model has no bias or threshold row");
        }
        long[] keys = new long[rows.size()];
        float[] weights = new float[rows.size() * AREAS.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = rows.get(i)[0];
            System.arraycopy(rowWeights.get(i), 0, weights, i * AREAS.length, AREAS.length);
        }
        return new SentenceClassifier(header, keys, weights, bias, thresholds, context);
    }

    private static double[] doubles(String[] cells, int lineNo) throws IOException {
        if (cells.length != AREAS.length + 1) {
            throw new IOException("line " + lineNo + ": expected " + AREAS.length + " values");
        }
        double[] v = new double[AREAS.length];
        for (int a = 0; a < AREAS.length; a++) {
            v[a] = Double.parseDouble(cells[a + 1]);
        }
        return v;
    }
}
