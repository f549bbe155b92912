package dev.policygate.cli;

import dev.policygate.remedy.RemediationCheck;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RulePack;
import dev.policygate.rules.RuleTestResult;
import dev.policygate.rules.RuleTestRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
            description = {"Runs every pack's <ID>.tests.yaml cases, and checks that each remediation's model clause "
                    + "turns its obligation MET; exit 1 when a case fails."})
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
            RuleEvaluator evaluator = new RuleEvaluator();
            CompiledRuleSet compiled = new RuleCompiler().compile(pack);
            List<RuleTestResult> results = new ArrayList<>(new RuleTestRunner(evaluator).run(compiled, null));
            // each obligation's remediation: its model clause must turn the obligation MET
            compiled.obligations().stream().filter(o -> o.remediation() != null)
                    .forEach(o -> results.add(new RemediationCheck(evaluator).run(compiled, o.id())));
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
