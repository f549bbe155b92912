package dev.policygate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policygate.extract.FactExtractor;
import dev.policygate.extract.SentenceClassifier;
import dev.policygate.facts.Area;
import dev.policygate.learn.AreaScores;
import dev.policygate.learn.ClassifierTrainer;
import dev.policygate.learn.ExtractionEval;
import dev.policygate.learn.LabelAgreement;
import dev.policygate.learn.LabelledPolicy;
import dev.policygate.report.JsonReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policygate eval DIR}: per-area precision, recall and F1 of extraction on labelled policies. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measures extraction on labelled policies (JSON lines, one sentence each with its "
                + "categories): per-area precision, recall, F1 and the macro-F1.")
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A directory of labelled policies (*.jsonl).")
    Path dir;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "Cross-validation by policy: the sentence classifier is trained anew on the other folds' "
                    + "policies for each fold of K (default: ${DEFAULT-VALUE}); 0 uses the shipped model, which "
                    + "has seen every labelled policy.")
    int folds;

    @Option(names = "--lexicons-only", description = "Without the sentence classifier: the lexicons and patterns alone.")
    boolean lexiconsOnly;

    @Option(names = "--thresholds", split = ",", paramLabel = "P",
            description = "Cross-validated as with --folds, each fold's classifier tried at each of these "
                    + "probabilities (0 < P < 1), the same for every area: per area and threshold precision, recall "
                    + "and F1, to choose the thresholds training sets (ClassifierTrainer).")
    double[] thresholds;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Also writes every sentence on which extraction and the annotators disagree about an area "
                    + "(scored one sentence per line, held out as the scores are): tab-separated policy, line of its "
                    + "file, area, FALSE_POSITIVE or FALSE_NEGATIVE, the labelled areas and the sentence.")
    Path errors;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown --format " + format
                    + " (table or json)");
        }
        List<LabelledPolicy> policies;
        try {
            policies = LabelledPolicy.readAll(dir);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("policygate: " + e.getMessage());
            return PolicygateCli.USAGE;
        }
        String mode;
        ExtractionEval.Forms scores;
        LabelAgreement agreement = LabelAgreement.of(policies);
        if (thresholds != null) {
            if (errors != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--errors and --thresholds: one at a time");
            }
            return sweep(policies, agreement);
        }
        List<ExtractionEval.Disagreement> disagreements = new ArrayList<>();
        if (lexiconsOnly) {
            mode = "lexicons and patterns only";
            scores = ExtractionEval.evaluateBothForms(policies, new FactExtractor((SentenceClassifier) null), agreement,
                    disagreements::add);
        } else if (folds == 0) {
            mode = "shipped classifier (trained on these policies)";
            scores = ExtractionEval.evaluateBothForms(policies, new FactExtractor(), agreement, disagreements::add);
        } else {
            if (folds < 2 || folds > policies.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be 0 or between 2 and "
                        + policies.size());
            }
            mode = folds + "-fold cross-validation by policy";
            scores = ExtractionEval.crossValidate(policies, folds,
                    training -> new FactExtractor(ClassifierTrainer.train(training, List.of())), agreement,
                    disagreements::add);
        }
        if (errors != null) {
            writeErrors(disagreements);
        }
        int sentences = policies.stream().mapToInt(LabelledPolicy::size).sum();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(scores, agreement, mode, policies.size(), sentences)));
        } else {
            out.print(table(scores, agreement, mode, policies.size(), sentences));
        }
        out.flush();
        return PolicygateCli.PASS;
    }

    /** {@code --errors}: in the order scored (fold by fold, then policy by policy), so a sample drawn from it repeats. */
    private void writeErrors(List<ExtractionEval.Disagreement> disagreements) throws IOException {
        StringBuilder b = new StringBuilder("policy\tline\tarea\tkind\tlabelled\tsentence\n");
        for (ExtractionEval.Disagreement d : disagreements) {
            b.append(d.policy()).append('\t').append(d.sentence() + 1).append('\t').append(d.area().name())
                    .append('\t').append(d.found() ? "FALSE_POSITIVE" : "FALSE_NEGATIVE").append('\t')
                    .append(d.labelled().stream().map(Area::name).collect(Collectors.joining(","))).append('\t')
                    .append(d.text().replaceAll("[\\t\\r\\n]", " ")).append('\n');
        }
        Files.writeString(errors, b);
    }

    /** {@code --thresholds}: the held-out scores of every area at each threshold. */
    private int sweep(List<LabelledPolicy> policies, LabelAgreement agreement) throws Exception {
        if (lexiconsOnly || folds < 2 || folds > policies.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--thresholds needs --folds between 2 and "
                    + policies.size() + " and the sentence classifier (not --lexicons-only)");
        }
        for (double t : thresholds) {
            if (!(t > 0 && t < 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--thresholds: " + t
                        + " is not a probability between 0 and 1");
            }
        }
        double[] sorted = java.util.Arrays.stream(thresholds).sorted().distinct().toArray();
        List<ExtractionEval.Forms> scores = ExtractionEval.crossValidateThresholds(policies, folds,
                training -> ClassifierTrainer.train(training, List.of()), sorted, agreement);
        PrintWriter out = spec.commandLine().getOut();
        String mode = folds + "-fold cross-validation by policy, every area at each threshold";
        if (format.equals("json")) {
            ObjectNode root = JsonReport.MAPPER.createObjectNode();
            root.put("mode", mode);
            root.put("policies", policies.size());
            ArrayNode rows = root.putArray("thresholds");
            for (int t = 0; t < sorted.length; t++) {
                ObjectNode row = rows.addObject();
                row.put("threshold", sorted[t]);
                AreaScores lines = scores.get(t).lines().all();
                AreaScores paragraphs = scores.get(t).paragraphs().all();
                ArrayNode areas = row.putArray("areas");
                for (Area a : Area.values()) {
                    ObjectNode n = areas.addObject();
                    n.put("area", a.name());
                    putScores(n, lines, a);
                    putScores(n.putObject("paragraphs"), paragraphs, a);
                }
                row.put("macroF1", round(lines.macroF1()));
                row.put("paragraphsMacroF1", round(paragraphs.macroF1()));
            }
            out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d policies; %s%n", policies.size(), mode));
            b.append(String.format(Locale.ROOT, "%-15s %9s %-20s %s%n", "area", "threshold", "P/R/F1",
                    "paragraphs P/R/F1"));
            for (Area a : Area.values()) {
                for (int t = 0; t < sorted.length; t++) {
                    AreaScores l = scores.get(t).lines().all();
                    AreaScores p = scores.get(t).paragraphs().all();
                    b.append(String.format(Locale.ROOT, "%-15s %9.2f %.3f/%.3f/%.3f  %.3f/%.3f/%.3f%n", a.name(),
                            sorted[t], l.precision(a), l.recall(a), l.f1(a), p.precision(a), p.recall(a), p.f1(a)));
                }
            }
            for (int t = 0; t < sorted.length; t++) {
                b.append(String.format(Locale.ROOT, "macro-F1 at %.2f: %.3f (paragraphs: %.3f)%n", sorted[t],
                        scores.get(t).lines().all().macroF1(), scores.get(t).paragraphs().all().macroF1()));
            }
            out.print(b);
        }
        out.flush();
        return PolicygateCli.PASS;
    }

    static ObjectNode json(ExtractionEval.Forms scores, LabelAgreement agreement, String mode, int policies,
                           int sentences) {
        AreaScores s = scores.lines().all();
        AreaScores u = scores.lines().undisputed();
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("mode", mode);
        root.put("policies", policies);
        root.put("sentences", sentences);
        ArrayNode areas = root.putArray("areas");
        for (Area a : Area.values()) {
            ObjectNode n = areas.addObject();
            n.put("area", a.name());
            n.put("label", a.label());
            putScores(n, s, a);
            n.put("labelAgreementF1", round(agreement.scores().f1(a)));
            putScores(n.putObject("undisputed"), u, a);
        }
        root.put("macroF1", round(s.macroF1()));
        root.put("undisputedMacroF1", round(u.macroF1()));
        ObjectNode paragraphs = root.putObject("paragraphs");
        AreaScores p = scores.paragraphs().all();
        ArrayNode paragraphAreas = paragraphs.putArray("areas");
        for (Area a : Area.values()) {
            ObjectNode n = paragraphAreas.addObject();
            n.put("area", a.name());
            putScores(n, p, a);
        }
        paragraphs.put("macroF1", round(p.macroF1()));
        paragraphs.put("undisputedMacroF1", round(scores.paragraphs().undisputed().macroF1()));
        ObjectNode labels = root.putObject("labelAgreement");
        labels.put("pairs", agreement.pairs());
        labels.put("macroF1", round(agreement.scores().macroF1()));
        return root;
    }

    private static void putScores(ObjectNode n, AreaScores s, Area a) {
        n.put("truePositives", s.truePositives(a));
        n.put("falsePositives", s.falsePositives(a));
        n.put("falseNegatives", s.falseNegatives(a));
        n.put("precision", round(s.precision(a)));
        n.put("recall", round(s.recall(a)));
        n.put("f1", round(s.f1(a)));
    }

    static String table(ExtractionEval.Forms scores, LabelAgreement agreement, String mode, int policies,
                        int sentences) {
        AreaScores s = scores.lines().all();
        AreaScores u = scores.lines().undisputed();
        AreaScores p = scores.paragraphs().all();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d policies, %d sentences; %s%n", policies, sentences, mode));
        b.append(String.format(Locale.ROOT, "%-15s %6s %6s %6s %9s %6s %6s %6s   %-20s %s%n",
                "area", "labels", "found", "right", "precision", "recall", "F1", "agree", "undisputed P/R/F1",
                "paragraphs P/R/F1"));
        for (Area a : Area.values()) {
            int tp = s.truePositives(a);
            b.append(String.format(Locale.ROOT, "%-15s %6d %6d %6d %9.3f %6.3f %6.3f %6.3f   %.3f/%.3f/%.3f    "
                            + "%.3f/%.3f/%.3f%n",
                    a.name(), tp + s.falseNegatives(a), tp + s.falsePositives(a), tp, s.precision(a), s.recall(a),
                    s.f1(a), agreement.scores().f1(a), u.precision(a), u.recall(a), u.f1(a), p.precision(a),
                    p.recall(a), p.f1(a)));
        }
        b.append(String.format(Locale.ROOT, "macro-F1 %.3f (agree: %.3f; undisputed: %.3f; paragraphs: %.3f)%n",
                s.macroF1(), agreement.scores().macroF1(), u.macroF1(), p.macroF1()));
        b.append(String.format(Locale.ROOT, "agree: F1 of the labels against themselves, over %d pairs of policies "
                + "that hold the same sentence (of %d characters or more)%n", agreement.pairs(),
                LabelAgreement.MIN_CHARS));
        b.append("undisputed: a sentence is left out for an area when its labelled copies in other policies "
                + "disagree about that area\n");
        b.append("paragraphs: the same sentences joined into paragraphs as web pages and PDFs give them (a sentence "
                + "ending in 。！？； runs on into the next, unless that is a heading or a numbered or bulleted item)\n");
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
