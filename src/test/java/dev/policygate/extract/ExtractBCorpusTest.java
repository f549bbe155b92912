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
}
