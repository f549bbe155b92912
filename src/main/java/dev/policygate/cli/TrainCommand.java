package dev.policygate.cli;

import dev.policygate.extract.SentenceClassifier;
import dev.policygate.learn.ClassifierTrainer;
import dev.policygate.learn.LabelledPolicy;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code policygate train DIR -o FILE}: trains the sentence classifier on labelled policies. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains the sentence classifier on labelled policies (*.jsonl) and writes the model file. "
                + "Deterministic: the same policies give the same file, byte for byte.")
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A directory of labelled policies (*.jsonl).")
    Path dir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The model file to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<LabelledPolicy> policies;
        try {
            policies = LabelledPolicy.readAll(dir);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("policygate: " + e.getMessage());
            return PolicygateCli.USAGE;
        }
        SentenceClassifier model = ClassifierTrainer.train(policies, ClassifierTrainer.header(policies));
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            model.write(w);
        }
        spec.commandLine().getOut().printf("%s: %d features, trained on %d policies%n", output, model.features(),
                policies.size());
        return PolicygateCli.PASS;
    }
}
