package dev.policygate.cli;

import dev.policygate.compare.ComparisonReport;
import dev.policygate.compare.PolicyComparer;
import dev.policygate.compare.PolicyComparison;
import dev.policygate.report.ReportSource;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code policygate diff OLD NEW}: assesses two versions of a policy with the same rules and prints what changed
 * (flipped obligations and their causes, score, verdict, changed sentences). A regression gate for policy
 * updates: exit 1 when an obligation that OLD meets is no longer met by NEW.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares two versions of a policy: flipped obligations with the changed sentences that "
                + "caused them, score and verdict, sentence-level diff."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no obligation that OLD meets is lost", "1:regression: an obligation MET in OLD is not MET in NEW",
                "2:usage error, or a file could not be read/assessed"})
final class DiffCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier version (text, HTML or PDF).")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The revised version.")
    Path newFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or markdown.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where the report goes (default: standard output).")
    Path output;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule-set directory (default: POLICYGATE_RULES_DIR, else the packs built into the CLI).")
    Path rules;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("markdown")) {
            throw new CommandLine.ParameterException(cl, "--format must be table, json or markdown, not '" + format + "'.");
        }
        LocalAssessor assessor = new LocalAssessor(RuleSets.load(rules));
        ReportSource before = assessor.assess(oldFile, CheckCommand.displayPath(oldFile));
        ReportSource after = assessor.assess(newFile, CheckCommand.displayPath(newFile));
        for (ReportSource s : new ReportSource[] {before, after}) {
            if (s.report() == null) {
                cl.getErr().println("policygate: " + s.error());
                cl.getErr().flush();
                return PolicygateCli.USAGE;
            }
        }
        PolicyComparison c = PolicyComparer.compare(before.report(), after.report());
        String doc = switch (f) {
            case "json" -> ComparisonReport.json(c);
            case "markdown" -> ComparisonReport.markdown(c);
            default -> ComparisonReport.table(c);
        };
        if (output == null) {
            PrintWriter out = cl.getOut();
            out.print(doc);
            out.flush();
        } else {
            Files.writeString(output, doc, StandardCharsets.UTF_8);
        }
        return c.regression() ? PolicygateCli.FAIL : PolicygateCli.PASS;
    }
}
