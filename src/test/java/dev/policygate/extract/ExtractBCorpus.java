package dev.policygate.extract;

import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared corpus (5 government policies, 33 commercial ones) for the extract-b tests. */
final class ExtractBCorpus {
    static final Path ROOT = Path.of("/work/shared/corpus");

    private ExtractBCorpus() {
    }

    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(ROOT, ROOT.resolve("dev"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Document doc(String prefix) {
        for (Path p : files()) {
            if (p.getFileName().toString().startsWith(prefix)) {
                return load(p);
            }
        }
        throw new IllegalArgumentException("no corpus file " + prefix);
    }

    static Document load(Path p) {
        try {
            return new Ingestor().ingestText(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document text(String t) {
        return new Ingestor().ingestText(t);
    }

    static List<AreaExtractor> areas() {
        return List.of(new CollectionExtractor(), new PermissionExtractor(), new SensitivePiExtractor(),
                new ThirdPartyExtractor(), new SharingExtractor(), new RetentionExtractor(),
                new CrossBorderExtractor(), new SecurityExtractor());
    }
}
