package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Citation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every offset of every corpus document refers to its normalised text. */
class CitationInvariantTest {
    private static final Ingestor INGESTOR = new Ingestor();

    static Stream<Path> corpus() {
        List<Path> all = Corpus.all();
        assertEquals(38, all.size(), "corpus files under " + Corpus.dir());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void offsetsQuoteTheNormalisedText(Path file) {
        Document d = INGESTOR.ingest(Corpus.read(file).getBytes(StandardCharsets.UTF_8), null);
        String text = d.normalizedText();
        assertEquals(SourceFormat.TEXT, d.sourceFormat());
        assertNormalised(text);
        assertSections(d);
        assertSentences(d);
    }

    static void assertNormalised(String text) {
        assertFalse(text.isEmpty());
        assertFalse(text.contains("\n\n"), "blank line");
        assertFalse(text.contains("  "), "double space");
        assertFalse(text.contains(" \n") || text.contains("\n "), "line edge space");
        assertFalse(text.startsWith(" ") || text.endsWith(" ") || text.startsWith("\n") || text.endsWith("\n"));
        for (char c : new char[] {'\r', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff', '\u000b'}) {
            assertTrue(text.indexOf(c) < 0, "char U+" + Integer.toHexString(c));
        }
    }

    static void assertSections(Document d) {
        String text = d.normalizedText();
        List<Section> sections = d.sections();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            assertEquals(i, s.index());
            assertEquals(s.heading(), text.substring(s.headingStart(), s.headingEnd()));
            assertFalse(s.heading().isBlank());
            assertFalse(s.heading().contains("\n"));
            assertTrue(s.start() <= s.headingStart() && s.headingEnd() <= s.end() && s.end() <= text.length(), s.toString());
            Citation c = d.cite(s.start(), s.end());
            assertEquals(text.substring(s.start(), s.end()), c.quote());
            if (s.parent() < 0) {
                assertEquals(1, s.level());
                assertEquals(s.heading(), s.path());
            } else {
                Section p = sections.get(s.parent());
                assertTrue(s.parent() < i);
                assertEquals(p.level() + 1, s.level());
                assertEquals(p.path() + " > " + s.heading(), s.path());
                assertTrue(p.start() < s.start() && s.end() <= p.end(), "nested in parent: " + s);
            }
            if (i > 0) {
                assertTrue(sections.get(i - 1).start() < s.start());
            }
        }
    }

    static void assertSentences(Document d) {
        String text = d.normalizedText();
        int prevEnd = 0;
        assertFalse(d.sentences().isEmpty());
        for (Sentence s : d.sentences()) {
            assertTrue(s.start() >= prevEnd && s.start() < s.end() && s.end() <= text.length(), s.toString());
            String quote = s.text();
            assertEquals(quote, quote.strip(), "trimmed");
            assertFalse(quote.contains("\n"), "one line: " + quote);
            Citation c = d.cite(s);
            assertEquals(text.substring(c.start(), c.end()), c.quote());
            assertEquals(s.section(), c.section());
            assertEquals(d.sectionPathAt(s.start()), s.section(), "section of " + quote);
            prevEnd = s.end();
        }
    }
}
