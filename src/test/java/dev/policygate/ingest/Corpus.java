package dev.policygate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus: 5 government-app policies and 33 commercial ones (one sentence per line). */
final class Corpus {
    /** Where {@link dev.policygate.Corpus} finds it (../shared/corpus or POLICYGATE_CORPUS; missing fails). */
    static final Path ROOT = dev.policygate.Corpus.DIR;

    private Corpus() {
    }

    static List<Path> all() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(ROOT, ROOT.resolve("dev"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Path file(String prefix) {
        return all().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("corpus file " + prefix + " not found under " + ROOT));
    }

    static String text(String prefix) {
        return read(file(prefix));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
