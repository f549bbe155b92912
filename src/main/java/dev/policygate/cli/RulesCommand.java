package dev.policygate.cli;

import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RulePack;
import dev.policygate.rules.RuleTestResult;
import dev.policygate.rules.RuleTestRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code policygate rules test [DIR]}: the packs' own tests. */
@Command(name = "rules", description = "Rule packs.", subcommands = RulesCommand.Test.class,
        mixinStandardHelpOptions = true)
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: test");
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every pack's <ID>.tests.yaml cases; exit 1 when a case fails.")
    static final class Test implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DIR",
                description = "Rule-set directory (default: POLICYGATE_RULES_DIR, else the packs built into the CLI).")
        Path dir;

        @CommandLine.Option(names = "--quiet", description = "Print failures and the summary only.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RulePack pack = RuleSets.load(dir);
            List<RuleTestResult> results = new RuleTestRunner(new RuleEvaluator()).run(pack);
            int failed = 0;
            for (RuleTestResult r : results) {
                if (!r.passed()) {
                    failed++;
                }
                if (!quiet || !r.passed()) {
                    out.println(r);
                }
            }
            out.printf("%d case(s): %d passed, %d failed (%d obligations)%n", results.size(),
                    results.size() - failed, failed, pack.obligations().size());
            out.flush();
            return failed == 0 ? PolicygateCli.PASS : PolicygateCli.FAIL;
        }
    }
}
