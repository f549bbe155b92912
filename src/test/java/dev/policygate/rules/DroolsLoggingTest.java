package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Evaluation works in a JVM whose logging is fully verbose (Drools' trace path used to throw). */
class DroolsLoggingTest {
    @Test
    void evaluationSurvivesVerboseLogging() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VerboseLoggingProbe.class.getName())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        String output = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output.length() > 4000 ? output.substring(output.length() - 4000) : output);
        assertTrue(output.contains("PROBE NOT_MET"), "one of the two exists fails, so NOT_MET: " + output.lines().filter(l -> l.startsWith("PROBE")).toList());
    }
}
