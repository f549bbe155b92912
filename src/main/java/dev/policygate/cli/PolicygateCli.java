package dev.policygate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code policygate} command line: checks policies as a submission gate, runs the rule packs' tests and
 * prints extracted facts. Plain Java: it never starts Quarkus, and talks to a running service only with
 * {@code --server}.
 */
@Command(name = "policygate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Checks Chinese app privacy policies against PIPL / GB/T 35273 obligations.",
        subcommands = {CheckCommand.class, DiffCommand.class, RulesCommand.class, ExtractCommand.class,
                EvalCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class PolicygateCli implements Runnable {
    /** Exit codes. */
    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;
    /** {@code check --sweep}: nothing could be assessed, so the sweep did not run (a retry may help). */
    public static final int SWEEP_STOPPED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: check, diff, rules test, extract, eval or train.");
    }

    /**
     * Warnings and errors only. On a class path that carries JBoss LogManager (the Quarkus one, e.g. the tests'),
     * an unconfigured LogManager logs everything, and Drools 10.2 fails (ClassCastException in
     * RuleNameExtractor) while TRACE-logging segment linking; so its root level is set here too.
     */
    static void quietLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try {
            Class<?> jboss = Class.forName("org.jboss.logmanager.Logger");
            java.util.logging.Logger root = (java.util.logging.Logger) jboss.getMethod("getLogger", String.class)
                    .invoke(null, "");
            root.setLevel(java.util.logging.Level.WARNING);
        } catch (ReflectiveOperationException | LinkageError e) {
            // not on the class path (the CLI jar): nothing to do
        }
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PolicygateCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("policygate: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            commandLine.getErr().flush();
            return USAGE;
        });
        return cl;
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        // no SLF4J provider travels in the CLI jar: keep slf4j's own warning about it quiet
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        quietLogging();
        System.exit(commandLine().execute(args));
    }
}
