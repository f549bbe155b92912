package dev.policygate.extract;

import dev.policygate.Corpus;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared corpus ({@link Corpus}: 5 government policies, 33 commercial ones) for the extract-b tests. */
final class ExtractBCorpus {
    private ExtractBCorpus() {
    }

    /** The 5 government policies, then the 33 commercial ones. */
    static List<Path> files() {
        List<Path> out = new ArrayList<>(Corpus.government());
        out.addAll(Corpus.commercial());
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
        return new Ingestor().ingestText(Corpus.read(p));
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
