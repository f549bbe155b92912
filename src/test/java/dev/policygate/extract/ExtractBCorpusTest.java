package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every extract-b fact on all 38 corpus policies: citation invariant, determinism, speed. */
class ExtractBCorpusTest {

    @Test
    void citationInvariantHoldsForEveryFactOnEveryCorpusFile() {
        List<Path> files = ExtractBCorpus.files();
        assertEquals(38, files.size(), "corpus size");
        int facts = 0;
        for (Path p : files) {
            Document d = ExtractBCorpus.load(p);
            for (AreaExtractor area : ExtractBCorpus.areas()) {
                for (Fact f : area.extract(d)) {
                    facts++;
                    assertNotNull(f.citations(), p + " " + f);
                    assertFalse(f.citations().isEmpty(), "fact without citation in " + p + ": " + f);
                    for (Citation c : f.citations()) {
                        assertTrue(c.start() >= 0 && c.start() < c.end() && c.end() <= d.normalizedText().length(),
                                p + " bad span " + c);
                        assertEquals(d.normalizedText().substring(c.start(), c.end()), c.quote(), p + " " + f);
                        assertEquals(d.sectionPathAt(c.start()), c.section(), p + " section of " + c);
                    }
                }
            }
        }
        assertTrue(facts > 1000, "facts found: " + facts);
    }

    @Test
    void sameInputGivesSameFactsInSameOrder() {
        for (Path p : ExtractBCorpus.files()) {
            Document d = ExtractBCorpus.load(p);
            List<Fact> a = new ArrayList<>();
            List<Fact> b = new ArrayList<>();
            for (AreaExtractor area : ExtractBCorpus.areas()) {
                a.addAll(area.extract(d));
            }
            for (AreaExtractor area : ExtractBCorpus.areas()) {
                b.addAll(area.extract(ExtractBCorpus.load(p)));
            }
            assertEquals(a, b, p.toString());
        }
    }

    @Test
    void factExtractorRunsTheExtractBAreas() {
        Document d = ExtractBCorpus.doc("003_");
        List<Fact> facts = new FactExtractor().extract(d);
        assertTrue(facts.stream().anyMatch(f -> f instanceof dev.policygate.facts.DataCollection));
        assertTrue(facts.stream().anyMatch(f -> f instanceof dev.policygate.facts.SecurityMeasure));
    }

    @Test
    void extractionIsFast() {
        List<Document> docs = ExtractBCorpus.files().stream().map(ExtractBCorpus::load).toList();
        List<AreaExtractor> areas = ExtractBCorpus.areas();
        for (int warm = 0; warm < 3; warm++) {
            for (Document d : docs) {
                areas.forEach(a -> a.extract(d));
            }
        }
        long chars = docs.stream().mapToLong(d -> d.normalizedText().length()).sum();
        long t0 = System.nanoTime();
        for (Document d : docs) {
            areas.forEach(a -> a.extract(d));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        double per15k = ms / (chars / 15000.0);
        System.out.printf("extract-b: %d docs, %d chars, %.1f ms total, %.2f ms per 15k chars%n", docs.size(), chars, ms,
                per15k);
        // generous bound for a loaded shared CI machine; typical is a few ms per 15k chars
        assertTrue(per15k < 50, "too slow: " + per15k + " ms per 15k chars");
    }
}
