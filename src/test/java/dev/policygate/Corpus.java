package dev.policygate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real policies in {@code ../shared/corpus} (or {@code POLICYGATE_CORPUS}) that tests run on: 5 government-app
 * policies, 33 commercial ones in {@code dev/} (one sentence per line) and the labelled ones in {@code labelled/}.
 * A clone on its own has no corpus: tests that need it are then skipped (aborted with a message naming it), except
 * in CI ({@code CI} set), where a missing corpus fails them. Tests that need just "a policy" read {@link #sample}.
 */
public final class Corpus {
    private static final Path LOCATION = locate();
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private Corpus() {
    }

    private static Path locate() {
        String configured = System.getenv("POLICYGATE_CORPUS");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "corpus");
    }

    /** The corpus directory; aborts the calling test when it is absent, fails it in CI. */
    public static Path dir() {
        if (!Files.isDirectory(LOCATION)) {
            String message = "needs the shared corpus at " + LOCATION.toAbsolutePath().normalize()
                    + " (../shared/corpus beside the repository, or set POLICYGATE_CORPUS)";
            if (System.getenv("CI") != null) {
                Assertions.fail(message + "; CI is set, so it is required");
            }
            // Surefire counts a class aborted in @BeforeAll as 0 tests: name it here so the skip is visible
            String test = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                    .filter(c -> c.endsWith("Test") || c.endsWith("IT")).findFirst().orElse("a test"));
            if (ANNOUNCED.add(test)) {
                System.err.println("SKIPPED " + test + ": " + message);
            }
            Assumptions.abort(message);
        }
        return LOCATION;
    }

    /** The five government-service policies. */
    public static List<Path> government() {
        return list(dir());
    }

    /** The 33 commercial policies of the development set. */
    public static List<Path> commercial() {
        return list(dir().resolve("dev"));
    }

    /** Government and commercial policies, in that order. */
    public static List<Path> all() {
        List<Path> out = new ArrayList<>(government());
        out.addAll(commercial());
        return out;
    }

    /** The policy file (government or commercial) whose name starts with {@code prefix}. */
    public static Path file(String prefix) {
        return all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("corpus file " + prefix + " not found under " + dir()));
    }

    /** The text of {@link #file}. */
    public static String text(String prefix) {
        return read(file(prefix));
    }

    /** A policy the project ships in {@code samples/} (no corpus needed), e.g. {@code weibo.txt}. */
    public static Path sample(String name) {
        return Path.of("samples", name);
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A government policy by file name. */
    public static String read(String name) {
        return read(dir().resolve(name));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
