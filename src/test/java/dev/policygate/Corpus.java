package dev.policygate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real policies in {@code ../shared/corpus} that tests run on. */
public final class Corpus {
    public static final Path DIR = locate();

    private Corpus() {
    }

    private static Path locate() {
        String configured = System.getenv("POLICYGATE_CORPUS");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Corpus not found at " + dir.toAbsolutePath()
                    + ": tests need ../shared/corpus beside the repository (or POLICYGATE_CORPUS).");
        }
        return dir;
    }

    /** The five government-service policies. */
    public static List<Path> government() {
        return list(DIR);
    }

    /** The 33 commercial policies of the development set. */
    public static List<Path> commercial() {
        return list(DIR.resolve("dev"));
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String name) {
        return read(DIR.resolve(name));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
