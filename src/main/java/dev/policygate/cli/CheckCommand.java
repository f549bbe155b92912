package dev.policygate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.Baseline;
import dev.policygate.report.FindingRemediation;
import dev.policygate.report.Gate;
import dev.policygate.report.JsonReport;
import dev.policygate.report.ReportFormat;
import dev.policygate.report.ReportSource;
import dev.policygate.report.ReportedFinding;
import dev.policygate.report.Waivers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code policygate check FILE...|DIR}: assesses policies and applies the submission gate (see {@link Gate}).
 * Exit 0 when every policy passes, 1 when one fails, 2 on a usage error or when a file could not be
 * assessed (the other files are still checked and reported).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assesses policies and applies the submission gate.",
                "A policy FAILs when its score is below --fail-under, its verdict is NON_COMPLIANT (see "
                        + "--fail-on-verdict), or a --require'd obligation is not MET (or NOT_APPLICABLE; PARTIAL with "
                        + "--partial-passes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every policy passes (with --sweep: the sweep ran; failures are in the report)",
                "1:a policy fails the gate (never with --report-only)",
                "2:usage error, or a file could not be read/assessed (the others are still checked)",
                "3:--sweep: no policy could be assessed (say the server is unreachable); worth a retry"})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Policy files, or directories searched for .txt, .html, .htm and .pdf files; - reads one "
                    + "policy from standard input.")
    List<Path> inputs;

    @Option(names = "--fail-under", paramLabel = "SCORE", defaultValue = "0",
            description = "Fail a policy whose score is below SCORE (0-100; default ${DEFAULT-VALUE}).")
    double failUnder;

    @Option(names = "--require", paramLabel = "ID", split = ",",
            description = "Obligations that must be MET (comma-separated IDs).")
    List<String> require = new ArrayList<>();

    @Option(names = "--partial-passes", description = "A PARTIAL finding passes (as a test case and as a requirement).")
    boolean partialPasses;

    @Option(names = "--fail-on-verdict", paramLabel = "VERDICT", defaultValue = "NON_COMPLIANT",
            description = "Verdict that fails by itself: NON_COMPLIANT (default), NEEDS_REVISION (only COMPLIANT "
                    + "passes) or NONE (score and --require decide).")
    String failOnVerdict;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Report: json, sarif, junit, markdown or html (to --output, else to standard output).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where the report goes; a directory for html with several policies.")
    Path output;

    @Option(names = "--summary-csv", paramLabel = "FILE", description = "Writes one CSV line per policy.")
    Path summaryCsv;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Writes the per-policy summary as JSON.")
    Path summaryJson;

    @Option(names = "--exclude", paramLabel = "GLOB", split = ",",
            description = "Leaves out the files found in a directory whose path below it, or whose name, matches a "
                    + "glob (*.en.html, drafts/**); files named on the command line are always checked.")
    List<String> excludes = List.of();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Checks only the files whose position in sorted order modulo N is I (0-based).")
    String shard;

    @Option(names = "--threads", paramLabel = "N", description = "Policies assessed in parallel (default: CPUs).")
    Integer threads;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule-set directory (default: POLICYGATE_RULES_DIR, else the packs built into the CLI).")
    Path rules;

    @Option(names = "--server", paramLabel = "URL",
            description = "Assess through a running policygate service (stored there for audit) instead of locally.")
    String server;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:POLICYGATE_USER}",
            description = "Basic-auth user for --server (default: POLICYGATE_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:POLICYGATE_PASSWORD}",
            description = "Basic-auth password for --server (default: POLICYGATE_PASSWORD).")
    String password;

    @Option(names = "--token", paramLabel = "pgt_...", defaultValue = "${env:POLICYGATE_TOKEN}",
            description = "API token (scope assess) for --server, instead of --user and --password (default: POLICYGATE_TOKEN).")
    String token;

    @Option(names = "--apk", paramLabel = "APP.apk",
            description = "The app's APK: its permissions and SDKs are assessed against each policy (pack j-app-behaviour).")
    Path apk;

    @Option(names = "--app-profile", paramLabel = "FILE",
            description = "The app's profile as JSON (permissions, sdks, dataFlows) instead of an APK.")
    Path appProfile;

    @Option(names = "--sweep",
            description = "A sweep of a store: exit 0 when it ran, whatever the policies' decisions and unreadable "
                    + "files (both are in the reports); 3 only when no policy could be assessed.")
    boolean sweep;

    @Option(names = "--report-only",
            description = "Writes the reports and the summary but exits 0 whatever the gate decides (2 still for "
                    + "usage errors and unreadable files).")
    boolean reportOnly;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Project file with waivers (default: the nearest .policygate.yaml at or above the first "
                    + "checked path).")
    Path config;

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "A JSON report written earlier (--format json): fail only on what got worse than in it.")
    Path baseline;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD",
            description = "The day waivers are checked against (default: today).")
    LocalDate today;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Option(names = "--explain",
            description = "Prints every NOT_MET and PARTIAL finding with why, how to fix it and a model clause to insert.")
    boolean explain;

    record Outcome(ReportSource source, Gate.Result result, long millis) {
    }

    /** The input argument that stands for standard input. */
    static final String STDIN = "-";

    /** Where standard input was saved, once {@code -} was given. */
    private Path stdinFile;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        ReportFormat reportFormat;
        try {
            reportFormat = format == null ? null : ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (failUnder < 0 || failUnder > 100) {
            throw new CommandLine.ParameterException(cl, "--fail-under must be between 0 and 100.");
        }
        int[] sh = parseShard();
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1.");
        }
        List<String> required = require.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Gate gate;
        try {
            gate = Gate.of(failUnder, required, partialPasses, Gate.FailOnVerdict.parse(failOnVerdict))
                    .with(waivers(), baseline());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }

        List<PathMatcher> excluded = new ArrayList<>();
        for (String glob : excludes) {
            try {
                excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--exclude " + glob + ": not a glob (" + e.getMessage()
                        .lines().findFirst().orElse("") + ")");
            }
        }
        List<Path> files = new ArrayList<>();
        List<ReportSource> missing = new ArrayList<>();
        for (Path in : inputs) {
            if (in.toString().equals(STDIN)) {
                files.add(stdinFile());
            } else if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    walk.filter(Files::isRegularFile).filter(PolicyFile::isPolicy)
                            .filter(p -> !excluded(excluded, in.relativize(p))).forEach(files::add);
                }
            } else if (Files.exists(in)) {
                files.add(in);
            } else {
                missing.add(ReportSource.failed(in.toString(), in + ": no such file or directory"));
            }
        }
        files = files.stream().map(Path::normalize).distinct().sorted().toList();
        if (sh != null) {
            List<Path> mine = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (i % sh[1] == sh[0]) {
                    mine.add(files.get(i));
                }
            }
            files = mine;
        }
        int total = files.size() + missing.size();
        if (total == 0) {
            err.println("policygate: no policy files (.txt .html .htm .pdf) found in " + inputs);
            return PolicygateCli.USAGE;
        }
        if (reportFormat == ReportFormat.HTML && total > 1 && output == null) {
            throw new CommandLine.ParameterException(cl,
                    "An HTML report holds one policy; give --output DIR for " + total + " policies.");
        }

        boolean reportToStdout = reportFormat != null && output == null;
        PrintWriter human = reportToStdout ? err : cl.getOut();
        long t0 = System.nanoTime();
        AppArgument app = AppArgument.read(cl, apk, appProfile);
        Assessor assessor = server != null ? new RemoteAssessor(server, user, password, token, app == null ? null : app.input())
                : new LocalAssessor(RuleSets.load(rules), app == null ? List.of() : app.facts());
        Set<String> known = assessor.obligationIds();
        if (known != null) {
            List<String> unknown = gate.unknownRequired(known);
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--require names unknown obligation(s): "
                        + String.join(", ", unknown));
            }
        }

        Progress progress = new Progress(human, total, quiet, Progress.interactive(System.getenv(), System.console()));
        List<Outcome> outcomes = new ArrayList<>();
        for (ReportSource m : missing) {
            outcomes.add(new Outcome(m, null, 0));
            progress.done(m, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    ReportSource src = assessor.assess(f, f.equals(stdinFile) ? STDIN : displayPath(f));
                    Gate.Result r = src.report() == null ? null : gate.decide(src);
                    Outcome o = new Outcome(src, r, (System.nanoTime() - s) / 1_000_000);
                    progress.done(src, r);
                    return o;
                }));
            }
            for (Future<Outcome> fut : futures) {
                try {
                    outcomes.add(fut.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;

        if (!required.isEmpty() && known == null) {
            // remote: the rule set is known only from the answers
            for (Outcome o : outcomes) {
                if (o.source().report() != null) {
                    List<String> unknown = gate.unknownRequired(o.source().report().findings().stream()
                            .map(ReportedFinding::obligationId).toList());
                    if (!unknown.isEmpty()) {
                        throw new CommandLine.ParameterException(cl, "--require names unknown obligation(s): "
                                + String.join(", ", unknown));
                    }
                    break;
                }
            }
        }

        List<ReportSource> sources = outcomes.stream().map(Outcome::source).toList();
        if (reportFormat != null) {
            writeReport(reportFormat, sources, gate, cl.getOut());
        }
        if (explain) {
            explain(human, outcomes);
        }
        summary(human, outcomes, wallMillis);
        if (summaryCsv != null) {
            writeCsv(outcomes);
        }
        if (summaryJson != null) {
            writeSummaryJson(outcomes, wallMillis);
        }
        human.flush();
        if (sweep) {
            return outcomes.stream().anyMatch(o -> o.source().report() != null) ? PolicygateCli.PASS
                    : PolicygateCli.SWEEP_STOPPED;
        }
        boolean inputError = outcomes.stream().anyMatch(o -> o.source().report() == null);
        boolean failed = !reportOnly && outcomes.stream().anyMatch(o -> o.result() != null && !o.result().passed());
        return inputError ? PolicygateCli.USAGE : failed ? PolicygateCli.FAIL : PolicygateCli.PASS;
    }

    /** Whether a file found below a directory is left out by {@code --exclude} (its relative path or its name). */
    private static boolean excluded(List<PathMatcher> excluded, Path relative) {
        return excluded.stream().anyMatch(m -> m.matches(relative) || m.matches(relative.getFileName()));
    }

    /**
     * Standard input saved to a file of its own (read once, whatever the number of workers; the file's content
     * decides its format, as for a .txt file). Reports name it {@code -}.
     */
    private Path stdinFile() throws IOException {
        if (stdinFile == null) {
            byte[] bytes = System.in.readAllBytes();
            if (bytes.length == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "- reads the policy from standard input, which is empty.");
            }
            Path dir = Files.createTempDirectory("policygate-stdin");
            dir.toFile().deleteOnExit();
            stdinFile = dir.resolve("stdin");
            Files.write(stdinFile, bytes);
            stdinFile.toFile().deleteOnExit();
        }
        return stdinFile;
    }

    private Waivers waivers() {
        Path file = config != null ? config : ProjectConfig.find(inputs.get(0));
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("--config " + config + ": no such file");
        }
        return file == null ? Waivers.NONE
                : ProjectConfig.waivers(file, today != null ? today : LocalDate.now(ZoneOffset.UTC));
    }

    private Baseline baseline() {
        if (baseline == null) {
            return null;
        }
        try {
            return Baseline.parse(Files.readString(baseline, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("--baseline " + baseline + ": " + e.getMessage());
        }
    }

    /** The path reports show: relative to the working directory when the file lies below it (as CI wants). */
    static String displayPath(Path f) {
        Path p = f;
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (p.startsWith(cwd)) {
                p = cwd.relativize(p);
            }
        }
        return p.toString().replace('\\', '/');
    }

    private int[] parseShard() {
        if (shard == null) {
            return null;
        }
        String[] p = shard.split("/");
        try {
            int i = Integer.parseInt(p[0].strip());
            int n = Integer.parseInt(p[1].strip());
            if (p.length == 2 && n >= 1 && i >= 0 && i < n) {
                return new int[] {i, n};
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--shard must be I/N with 0 <= I < N (e.g. 0/4), not '" + shard + "'.");
    }

    private void writeReport(ReportFormat f, List<ReportSource> sources, Gate gate, PrintWriter out) throws IOException {
        if (f.combines() || sources.size() == 1) {
            String doc = f.render(sources, gate);
            if (output == null) {
                out.print(doc);
                out.flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, doc, StandardCharsets.UTF_8);
            }
            return;
        }
        Files.createDirectories(output);
        for (ReportSource s : sources) {
            if (s.report() == null) {
                continue;
            }
            String name = s.uri().replaceAll("[\\\\/:]+", "_").replaceAll("^[._]+", "");
            Files.writeString(output.resolve(name + "." + f.extension()), f.render(s, gate), StandardCharsets.UTF_8);
        }
    }

    private static void summary(PrintWriter w, List<Outcome> outcomes, long wallMillis) {
        int width = Math.max(6, outcomes.stream().mapToInt(o -> o.source().uri().length()).max().orElse(6));
        width = Math.min(width, 60);
        String fmt = "%-" + width + "s  %-8s %6s  %-14s %4s %4s %4s %4s%n";
        w.printf(fmt, "policy", "decision", "score", "verdict", "MET", "PART", "NOT", "N/A");
        int pass = 0;
        int fail = 0;
        int error = 0;
        for (Outcome o : outcomes) {
            String uri = o.source().uri();
            if (uri.length() > width) {
                uri = "…" + uri.substring(uri.length() - width + 1);
            }
            AssessmentReport r = o.source().report();
            if (r == null) {
                error++;
                w.printf("%-" + width + "s  %-8s %s%n", uri, "ERROR", o.source().error());
                continue;
            }
            if (o.result().passed()) {
                pass++;
            } else {
                fail++;
            }
            w.printf(fmt, uri, o.result().decision(), r.score(), r.verdict(), count(r, "MET"), count(r, "PARTIAL"),
                    count(r, "NOT_MET"), count(r, "NOT_APPLICABLE"));
            if (!o.result().passed()) {
                o.result().reasons().forEach(reason -> w.println("    fails: " + reason));
            }
            o.result().accepted().forEach(a -> w.println("    accepted: " + a.obligationId() + " " + a.status() + " "
                    + a.describe()));
        }
        long[] ms = outcomes.stream().filter(o -> o.source().report() != null).mapToLong(Outcome::millis).sorted()
                .toArray();
        double median = ms.length == 0 ? 0 : ms.length % 2 == 1 ? ms[ms.length / 2]
                : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2.0;
        w.printf(Locale.ROOT, "%d policies: %d passed, %d failed, %d not assessed; %.1f s, median %.0f ms per policy%n",
                outcomes.size(), pass, fail, error, wallMillis / 1000.0, median);
    }

    /** Per policy: each finding that is not met, why, what to change and the model clause (known values filled in). */
    static void explain(PrintWriter w, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            AssessmentReport r = o.source().report();
            if (r == null) {
                continue;
            }
            w.println("== " + o.source().uri() + ": " + o.result().decision() + ", score " + r.score() + ", "
                    + r.verdict());
            for (ReportedFinding f : r.findings()) {
                if (!f.needsFix()) {
                    continue;
                }
                w.println();
                w.println("  " + f.status() + "  " + f.obligationId() + "  " + f.title() + " / " + f.titleEn() + " ("
                        + f.severity().toLowerCase(Locale.ROOT) + ")");
                w.println("    why:  " + f.rationale());
                w.println("          " + f.rationaleEn());
                if (f.lookedIn() != null && !f.lookedIn().isEmpty()) {
                    w.println("    looked in: " + String.join("; ", f.lookedIn()));
                }
                FindingRemediation fix = f.remediation();
                if (fix == null) {
                    continue;
                }
                w.println("    fix:  " + fix.zh());
                w.println("          " + fix.en());
                w.println("    model clause" + (fix.insertAt() == null ? ":"
                        : " (insert at the end of " + fix.insertAt().section() + "):"));
                for (String line : fix.clause().split("\n")) {
                    w.println("      " + line);
                }
                if (!fix.open().isEmpty()) {
                    w.println("    fill in: " + String.join("、", fix.open()));
                }
            }
            w.println();
        }
    }

    private static long count(AssessmentReport r, String status) {
        return r.findings().stream().filter(f -> status.equals(f.status())).count();
    }

    private void writeCsv(List<Outcome> outcomes) throws IOException {
        StringBuilder csv = new StringBuilder(
                "file,decision,score,verdict,met,partial,not_met,not_applicable,failed,reasons,millis,error\n");
        for (Outcome o : outcomes) {
            AssessmentReport r = o.source().report();
            List<String> cols = r == null
                    ? List.of(o.source().uri(), "ERROR", "", "", "", "", "", "", "", "", "0", o.source().error())
                    : List.of(o.source().uri(), o.result().decision().name(), String.valueOf(r.score()), r.verdict(),
                    "" + count(r, "MET"), "" + count(r, "PARTIAL"), "" + count(r, "NOT_MET"),
                    "" + count(r, "NOT_APPLICABLE"),
                    String.join(" ", o.result().failed().stream().map(Gate.Failed::obligationId).toList()),
                    String.join("; ", o.result().reasons()), "" + o.millis(), "");
            csv.append(String.join(",", cols.stream().map(CheckCommand::csv).toList())).append("\n");
        }
        write(summaryCsv, csv.toString());
    }

    private void writeSummaryJson(List<Outcome> outcomes, long wallMillis) throws IOException {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("policies", outcomes.size());
        root.put("wallMillis", wallMillis);
        ArrayNode items = root.putArray("results");
        for (Outcome o : outcomes) {
            ObjectNode n = items.addObject();
            n.put("file", o.source().uri());
            AssessmentReport r = o.source().report();
            if (r == null) {
                n.put("decision", "ERROR");
                n.put("error", o.source().error());
                continue;
            }
            n.put("decision", o.result().decision().name());
            n.put("score", r.score());
            n.put("verdict", r.verdict());
            n.put("assessmentId", String.valueOf(r.id()));
            for (String st : List.of("MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE")) {
                n.put(st, count(r, st));
            }
            n.set("failed", JsonReport.MAPPER.valueToTree(o.result().failed()));
            n.set("reasons", JsonReport.MAPPER.valueToTree(o.result().reasons()));
            n.put("millis", o.millis());
        }
        write(summaryJson, JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static void write(Path p, String content) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A progress bar on an interactive terminal, else one line per policy (no carriage returns in CI logs). */
    static final class Progress {
        /**
         * Whether a bar may redraw itself: not in CI, not on a dumb terminal, and only when the JVM has a terminal.
         * From Java 22 on System.console() is not null when the streams are redirected, so its isTerminal() decides
         * (looked up by name: this code is compiled for Java 17).
         */
        static boolean interactive(java.util.Map<String, String> env, java.io.Console console) {
            if (env.get("CI") != null || console == null || "dumb".equals(env.get("TERM"))) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (NoSuchMethodException e) {
                return true; // Java 17-21: a console exists only when the JVM's streams are a terminal
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        private final PrintWriter w;
        private final int total;
        private final boolean quiet;
        private final boolean bar;
        private final AtomicInteger done = new AtomicInteger();

        Progress(PrintWriter w, int total, boolean quiet, boolean bar) {
            this.w = w;
            this.total = total;
            this.quiet = quiet;
            this.bar = bar;
        }

        synchronized void done(ReportSource s, Gate.Result r) {
            int n = done.incrementAndGet();
            if (quiet) {
                return;
            }
            if (bar) {
                int filled = total == 0 ? 30 : n * 30 / total;
                char[] b = new char[30];
                Arrays.fill(b, 0, filled, '#');
                Arrays.fill(b, filled, 30, '.');
                w.print("\r[" + new String(b) + "] " + n + "/" + total);
            } else {
                w.println("[" + n + "/" + total + "] " + s.uri() + ": " + (r == null ? "ERROR " + s.error()
                        : r.decision() + " " + s.report().score() + " " + s.report().verdict()));
            }
            w.flush();
        }

        synchronized void finish() {
            if (bar && !quiet) {
                w.println();
                w.flush();
            }
        }
    }
}
