package dev.policygate.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.report.JsonReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code policygate extract FILE}: the facts with their citations, as JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Prints the facts extracted from a policy, with citations, as JSON.")
final class ExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A policy file (.txt, .html, .htm, .pdf).")
    Path file;

    @Override
    public Integer call() throws Exception {
        PolicyFile policy;
        try {
            policy = PolicyFile.read(file);
        } catch (PolicyFile.InputError e) {
            spec.commandLine().getErr().println("policygate: " + e.getMessage());
            return PolicygateCli.USAGE;
        }
        List<Fact> facts = new FactExtractor().extract(policy.document());
        spec.commandLine().getOut().println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter()
                .forType(new TypeReference<List<Fact>>() { }).writeValueAsString(facts));
        return PolicygateCli.PASS;
    }
}
