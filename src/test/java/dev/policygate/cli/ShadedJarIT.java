package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.Corpus;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/policygate-cli.jar} with the packs built into it (so the merged Drools service files
 * really compile and run the rules). An integration test: failsafe runs it after {@code package} ({@code verify}).
 */
class ShadedJarIT {
    static final Path JAR = Path.of("target", "policygate-cli.jar");

    @TempDir
    Path tmp;

    @Test
    void theShadedJarChecksWithItsBuiltInRules() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "target/policygate-cli.jar is built in the package phase");
        Path out = tmp.resolve("out.sarif");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "check", Corpus.government().get(3).toString(), "--format", "sarif",
                "--output", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().remove("POLICYGATE_RULES_DIR");
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
        assertTrue(List.of(0, 1).contains(p.exitValue()), log);
        JsonNode sarif = JsonReport.MAPPER.readTree(out.toFile());
        assertEquals(Set.of(), Fixtures.sarifErrors(sarif));
        // 42 obligations of the catalogue and the three of j-app-behaviour
        assertEquals(45, sarif.at("/runs/0/tool/driver/rules").size(), "the built-in packs compiled\n" + log);
    }
}
