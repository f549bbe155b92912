package dev.policygate.extract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared corpus (shared/corpus beside the checkout, or -Dpolicygate.corpus) for extract-a tests. */
final class ExtractACorpus {
    private ExtractACorpus() {
    }

    static Path dir() {
        String prop = System.getProperty("policygate.corpus", System.getenv("POLICYGATE_CORPUS"));
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
            Path c = p.resolve("shared").resolve("corpus");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }

    static Document gov(String prefix) {
        Path d = dir();
        assumeTrue(d != null, "shared/corpus not found");
        try (Stream<Path> s = Files.list(d)) {
            Path f = s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return new Ingestor().ingestText(Files.readString(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> all() {
        Path d = dir();
        assumeTrue(d != null, "shared/corpus not found");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(d); Stream<Path> dev = Files.isDirectory(d.resolve("dev"))
                ? Files.list(d.resolve("dev")) : Stream.empty()) {
            s.filter(x -> x.toString().endsWith(".txt")).sorted().forEach(out::add);
            dev.filter(x -> x.toString().endsWith(".txt")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
