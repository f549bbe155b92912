package dev.policygate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policygate.Corpus;
import dev.policygate.report.Fixtures;
import dev.policygate.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a real process (the test JVM's class path; the shaded jar is the same main class). */
class CliProcessTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result exec(Path tmp, String... args) throws IOException, InterruptedException {
        return exec(tmp, Path.of("/dev/null"), Map.of(), args);
    }

    /** Runs the CLI with standard input read from {@code stdin} and {@code env} added to this JVM's environment. */
    static Result exec(Path tmp, Path stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.policygate.cli.PolicygateCli"));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("policygate did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void checkWritesValidSarifToStdoutAndExitsByTheGate() throws Exception {
        Path nonsense = tmp.resolve("nonsense.txt");
        Files.writeString(nonsense, "今天天气很好。\n");
        Result r = exec(tmp, "check", Corpus.government().get(3).toString(), nonsense.toString(), "--format", "sarif");
        assertEquals(1, r.code(), r.err());
        JsonNode sarif = JsonReport.MAPPER.readTree(r.out());
        assertEquals(Set.of(), Fixtures.sarifErrors(sarif));
        assertEquals(2, sarif.at("/runs/0/artifacts").size());
        assertTrue(r.err().contains("2 policies"), r.err());
        assertTrue(r.err().contains("[1/2]"), "plain progress lines when not on a terminal\n" + r.err());

        Result usage = exec(tmp, "check", "--fail-under", "x", nonsense.toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--fail-under"), usage.err());
    }

    @Test
    void twoProcessesGiveTheSameFindingsByteForByte() throws Exception {
        // a set's order can follow identity hash codes, which differ between JVMs but not within one: two processes
        List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
        Corpus.government().forEach(p -> args.add(p.toString()));
        List<JsonNode> first = reports(exec(tmp, args.toArray(String[]::new)));
        List<JsonNode> second = reports(exec(tmp, args.toArray(String[]::new)));
        assertEquals(5, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertTrue(first.get(i).path("findings").size() > 40, first.get(i).toString());
            assertTrue(first.get(i).equals(second.get(i)),
                    first.get(i).path("title").asText() + ": the two processes' reports differ");
        }
    }

    /** The JSON reports of one run, without what names the run (its ids and times). */
    private static List<JsonNode> reports(Result r) throws IOException {
        assertEquals(1, r.code(), r.err());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode report : JsonReport.MAPPER.readTree(r.out())) {
            ((ObjectNode) report).remove(List.of("id", "createdAt"));
            out.add(report);
        }
        return out;
    }
}
