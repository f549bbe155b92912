package dev.policygate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the CLI in this JVM with captured streams; builds rule directories for tests. */
public final class Cli {
    public record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PolicygateCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * The shipped packs with a scoring under which nothing is NON_COMPLIANT: every policy passes with
     * {@code --fail-under 0}, whatever the extractors find.
     */
    public static Path lenientRules(Path tmp) throws IOException {
        Path dir = tmp.resolve("lenient-rules");
        Path src = Path.of("rules");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(dir.resolve("scoring.yaml"), """
                weights: {CRITICAL: 3, MAJOR: 2, MINOR: 1}
                credit: {MET: 1.0, PARTIAL: 0.5}
                verdict:
                  compliant: {minScore: 100, maxCriticalNotMet: 0}
                  nonCompliant: {belowScore: 0, minCriticalNotMet: 1000}
                """);
        return dir;
    }
}
