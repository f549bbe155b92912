package dev.policygate.extract;

import dev.policygate.Corpus;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus for extract-a tests, where {@link Corpus} finds it (../shared/corpus or POLICYGATE_CORPUS). */
final class ExtractACorpus {
    private ExtractACorpus() {
    }

    /** The corpus directory (see {@link Corpus#dir}: absent, the test is skipped; in CI it fails). */
    static Path dir() {
        return Corpus.dir();
    }

    static Document gov(String prefix) {
        Path d = dir();
        try (Stream<Path> s = Files.list(d)) {
            Path f = s.filter(x -> x.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return new Ingestor().ingestText(Files.readString(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> all() {
        Path d = dir();
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
