package dev.policygate.learn;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.policygate.extract.SentenceClassifier;
import dev.policygate.extract.SentenceFeatures;
import dev.policygate.facts.Area;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the {@link SentenceClassifier} with liblinear: one L2-regularised logistic regression per area (dual
 * solver), on every sentence of the given labelled policies as the product splits them, each policy in two forms
 * ({@link #bothForms}), each sentence labelled with the areas of the annotated sentence that holds it. Features seen
 * in fewer than {@link #MIN_COUNT} training sentences of one form are left out, and weights are rounded to
 * {@link #PRECISION} and dropped below {@link #PRUNE} (so the model file stays small; a few hundredths of a logit).
 * Deterministic: policies in the given order, sentences in text order, features sorted, liblinear's random generator
 * reset before each area.
 */
public final class ClassifierTrainer {
    /** liblinear's cost (inverse regularisation strength), chosen by policy-level cross-validation. */
    public static final double COST = 4.0;
    public static final double EPSILON = 0.1;
    public static final int MIN_COUNT = 2;
    public static final double PRUNE = 0.3;
    public static final double PRECISION = 0.001;
    /** The probability from which a sentence is in an area, chosen by policy-level cross-validation. */
    public static final double THRESHOLD = 0.45;
    /**
     * Higher thresholds where precision stays under 0.75 at {@link #THRESHOLD}: the labels of PERMISSIONS also mark
     * sentences about consent in general (授权), those of COLLECTION the uses of PI; SECURITY and RIGHTS fell just
     * under the floor when the model learned paragraphs too (README "The learned sentence layer" gives the cost in
     * recall).
     */
    public static final Map<Area, Double> AREA_THRESHOLDS = Map.of(Area.COLLECTION, 0.50, Area.PERMISSIONS, 0.65,
            Area.SECURITY, 0.50, Area.RIGHTS, 0.50);
    /** Inner folds (by policy) for stage two's training inputs. */
    public static final int CONTEXT_FOLDS = 5;
    /** Stage two's cost: 41 inputs and some 15,000 sentences need little regularisation. */
    public static final double CONTEXT_COST = 1.0;
    private static final Area[] AREAS = Area.values();

    private ClassifierTrainer() {
    }

    /** The examples: each sentence's sorted feature keys and its areas. */
    record Example(long[] keys, int generated, Set<Area> areas) {
    }

    /**
     * Each policy in two forms: one sentence per line (as the data come), and run together with headings and items
     * inside the paragraphs ({@link LabelledPolicy#runTogether}). Trained on lines alone, the model read paragraphs
     * far worse; trained on lines and faithful paragraphs ({@link LabelledPolicy#inParagraphs}), it read both a little
     * worse than with the structure-lost form (README "Accuracy").
     */
    static List<LabelledPolicy> bothForms(List<LabelledPolicy> policies) {
        List<LabelledPolicy> out = new ArrayList<>(2 * policies.size());
        for (LabelledPolicy p : policies) {
            out.add(p);
            out.add(p.runTogether());
        }
        return out;
    }

    private static Map<Long, Integer> counts(List<Example> examples) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            for (long k : e.keys()) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return counts;
    }

    static List<Example> examples(List<LabelledPolicy> policies) {
        SentenceFeatures features = new SentenceFeatures();
        List<Example> out = new ArrayList<>();
        for (LabelledPolicy p : policies) {
            String text = p.document().normalizedText();
            List<Sentence> sentences = p.document().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                Sentence s = sentences.get(i);
                Sentence prev = i == 0 ? s : sentences.get(i - 1);
                long[] k = features.keys(text, s.start(), s.end(), s.section(), prev.start(), i == 0 ? s.start() : prev.end());
                out.add(new Example(Arrays.copyOf(k, features.size()), features.generated(),
                        p.areas().get(p.sentenceAt(s.start()))));
            }
        }
        return out;
    }

    public static SentenceClassifier train(List<LabelledPolicy> policies, List<String> header) {
        SentenceClassifier stageOne = train(policies, header, SolverType.L2R_LR_DUAL, COST, EPSILON);
        if (policies.size() < 2 * CONTEXT_FOLDS) {
            return stageOne;
        }
        return stageOne.withContext(trainContext(policies));
    }

    /**
     * Stage two, trained on stage-one logits that a model which never saw the policy gave (folds by policy inside
     * the training policies, policy {@code i} in fold {@code i % CONTEXT_FOLDS}): logits of seen sentences are
     * overconfident, and stage two must learn how far to trust unseen ones.
     */
    static double[][] trainContext(List<LabelledPolicy> policies) {
        List<double[]> rows = new ArrayList<>();
        List<Set<Area>> labels = new ArrayList<>();
        for (int k = 0; k < CONTEXT_FOLDS; k++) {
            List<LabelledPolicy> training = new ArrayList<>();
            List<LabelledPolicy> heldOut = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                (i % CONTEXT_FOLDS == k ? heldOut : training).add(policies.get(i));
            }
            SentenceClassifier model = train(training, List.of(), SolverType.L2R_LR_DUAL, COST, EPSILON);
            for (LabelledPolicy p : bothForms(heldOut)) {
                List<Sentence> sentences = p.document().sentences();
                double[][] context = SentenceClassifier.contextRows(model.sentenceLogits(p.document()), sentences);
                for (int i = 0; i < sentences.size(); i++) {
                    rows.add(context[i]);
                    labels.add(p.areas().get(p.sentenceAt(sentences.get(i).start())));
                }
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = SentenceClassifier.CONTEXT_WIDTH;
        problem.bias = -1; // the rows carry their own constant input
        problem.x = new Feature[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Feature[] x = new Feature[SentenceClassifier.CONTEXT_WIDTH];
            for (int j = 0; j < x.length; j++) {
                x[j] = new FeatureNode(j + 1, rows.get(i)[j]);
            }
            problem.x[i] = x;
        }
        double[][] weights = new double[AREAS.length][];
        for (Area a : AREAS) {
            problem.y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                problem.y[i] = labels.get(i).contains(a) ? 1 : -1;
            }
            Linear.resetRandom();
            Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, CONTEXT_COST, 0.001));
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            double[] w = model.getFeatureWeights();
            weights[a.ordinal()] = new double[SentenceClassifier.CONTEXT_WIDTH];
            for (int j = 0; j < w.length; j++) {
                weights[a.ordinal()][j] = Math.round(sign * w[j] * 1e6) / 1e6;
            }
        }
        return weights;
    }

    static SentenceClassifier train(List<LabelledPolicy> policies, List<String> header, SolverType solver,
                                    double cost, double epsilon) {
        List<Example> lines = examples(policies);
        List<Example> paragraphs = examples(policies.stream().map(LabelledPolicy::runTogether).toList());
        // a feature must be seen in MIN_COUNT sentences of one form: both forms of one sentence are one sighting
        Set<Long> frequent = new HashSet<>();
        for (Map<Long, Integer> counts : List.of(counts(lines), counts(paragraphs))) {
            counts.forEach((key, n) -> {
                if (n >= MIN_COUNT) {
                    frequent.add(key);
                }
            });
        }
        long[] vocabulary = frequent.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Example> examples = new ArrayList<>(lines);
        examples.addAll(paragraphs);
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = vocabulary.length + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            long[] k = examples.get(i).keys();
            double value = 1 / Math.sqrt(examples.get(i).generated());
            List<Feature> row = new ArrayList<>();
            for (long key : k) {
                int index = Arrays.binarySearch(vocabulary, key);
                if (index >= 0) {
                    row.add(new FeatureNode(index + 1, value));
                }
            }
            row.add(new FeatureNode(problem.n, 1));
            problem.x[i] = row.toArray(new Feature[0]);
        }
        Linear.disableDebugOutput();
        float[][] byArea = new float[AREAS.length][];
        double[] bias = new double[AREAS.length];
        for (Area a : AREAS) {
            problem.y = new double[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                problem.y[i] = examples.get(i).areas().contains(a) ? 1 : -1;
            }
            Linear.resetRandom();
            Model model = Linear.train(problem, new Parameter(solver, cost, epsilon));
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            double[] w = model.getFeatureWeights();
            float[] f = new float[vocabulary.length];
            for (int j = 0; j < vocabulary.length; j++) {
                double rounded = Math.round(sign * w[j] / PRECISION) * PRECISION;
                f[j] = Math.abs(rounded) < PRUNE ? 0 : (float) rounded;
            }
            byArea[a.ordinal()] = f;
            bias[a.ordinal()] = Math.round(sign * w[vocabulary.length] * model.getBias() * 1e6) / 1e6;
        }
        // keep the features with a weight in some area
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < vocabulary.length; j++) {
            for (Area a : AREAS) {
                if (byArea[a.ordinal()][j] != 0) {
                    kept.add(j);
                    break;
                }
            }
        }
        long[] keys = new long[kept.size()];
        float[] weights = new float[kept.size() * AREAS.length];
        for (int i = 0; i < kept.size(); i++) {
            keys[i] = vocabulary[kept.get(i)];
            for (Area a : AREAS) {
                weights[i * AREAS.length + a.ordinal()] = byArea[a.ordinal()][kept.get(i)];
            }
        }
        double[] thresholds = new double[AREAS.length];
        Arrays.fill(thresholds, THRESHOLD);
        AREA_THRESHOLDS.forEach((area, threshold) -> thresholds[area.ordinal()] = threshold);
        return new SentenceClassifier(header, keys, weights, bias, thresholds);
    }

    /** ", 0.5 for collection, 0.65 for permissions": the thresholds other than {@link #THRESHOLD}, in area order. */
    private static String areaThresholds() {
        StringBuilder b = new StringBuilder();
        for (Area a : AREAS) {
            if (AREA_THRESHOLDS.containsKey(a)) {
                b.append(", ").append(AREA_THRESHOLDS.get(a)).append(" for ").append(a.name().toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    /** The model file's comment lines: what it is, the data's attribution (CC BY 4.0) and how it was trained. */
    public static List<String> header(List<LabelledPolicy> policies) {
        int sentences = policies.stream().mapToInt(LabelledPolicy::size).sum();
        return List.of(
                "policygate sentence classifier: which areas a privacy-policy sentence speaks of.",
                "Written by `policygate train` (bench/train.sh); do not edit by hand.",
                "Derived from the CAPP-130 corpus: Zhu et al., \"CAPP-130: A Corpus of Chinese Application Privacy",
                "Policy Summarization and Interpretation\", NeurIPS 2023 Datasets and Benchmarks",
                "(github.com/EnlightenedAI/CAPP-130), licensed CC BY 4.0 (creativecommons.org/licenses/by/4.0/).",
                "Trained on " + policies.size() + " of its policies (" + sentences + " labelled sentences), first "
                        + policies.get(0).name() + ", last " + policies.get(policies.size() - 1).name()
                        + ", each one sentence per line and joined into paragraphs.",
                "liblinear L2-regularised logistic regression per area (dual), C=" + COST
                        + ", eps=" + EPSILON + ", features seen in at least "
                        + MIN_COUNT + " sentences of one form, weights below " + PRUNE
                        + " dropped; stage two (context) from " + CONTEXT_FOLDS + " inner folds by policy, C="
                        + CONTEXT_COST + "; threshold " + THRESHOLD + areaThresholds() + ".");
    }
}
