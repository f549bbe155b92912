package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of ingest + extraction: whatever bytes arrive, the result is a document whose facts
 * all satisfy the citation invariant, or an {@link IngestException} with a 4xx status, never anything else.
 * Inputs: raw bytes, policy-like text spliced from the corpus with noise, generated HTML (deep nesting, broken
 * tags, scripts), corrupted PDFs, text in other encodings with invalid sequences: 12,600 inputs in all.
 */
class ExtractionFuzzTest {
    // a damaged PDF that PDFBox would chew on for minutes is stopped after 5 s, as the service would after 30
    private static final Ingestor INGESTOR = new Ingestor(fiveSecondsPerPdf());
    private static final FactExtractor EXTRACTOR = new FactExtractor();
    private static List<String> sentences;
    private static byte[] validPdf;

    @BeforeContainer
    static void loadCorpus() throws IOException {
        sentences = new ArrayList<>();
        for (var p : Corpus.all()) {
            for (String line : Corpus.read(p).split("\n")) {
                if (!line.isBlank()) {
                    sentences.add(line.strip());
                }
            }
        }
        validPdf = TestPdfs.pdf(String.join("\n", sentences.subList(0, 60)));
    }

    private static IngestLimits fiveSecondsPerPdf() {
        IngestLimits d = IngestLimits.defaults();
        return new IngestLimits(d.maxUploadBytes(), d.maxTextBytes(), d.maxPdfPages(), d.maxPdfMemoryBytes(),
                Duration.ofSeconds(5));
    }

    /** The property every input must satisfy: facts with a valid citation, or a clean 4xx. */
    private static void ingestAndExtract(byte[] bytes, SourceFormat format) {
        Document d;
        try {
            d = INGESTOR.ingest(bytes, format);
        } catch (IngestException e) {
            assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 500, "status " + e.httpStatus());
            assertNotNull(e.title());
            assertNotNull(e.getMessage());
            return;
        }
        String text = d.normalizedText();
        assertTrue(!text.isBlank(), "an accepted document has text");
        for (Fact f : EXTRACTOR.extract(d)) {
            for (Citation c : f.citations()) {
                assertTrue(0 <= c.start() && c.start() <= c.end() && c.end() <= text.length(),
                        f.getClass().getSimpleName() + " citation " + c.start() + ".." + c.end());
                assertEquals(text.substring(c.start(), c.end()), c.quote(), f.getClass().getSimpleName());
                assertNotNull(c.section());
            }
        }
    }

    @Property(tries = 3000)
    void randomBytes(@ForAll("bytes") byte[] bytes, @ForAll("formats") SourceFormat format) {
        ingestAndExtract(bytes, format);
    }

    @Property(tries = 3000)
    void policyLikeTextWithNoise(@ForAll("policyText") String text) {
        ingestAndExtract(text.getBytes(StandardCharsets.UTF_8), null);
    }

    @Property(tries = 1000)
    void generatedHtml(@ForAll("html") String html) {
        ingestAndExtract(html.getBytes(StandardCharsets.UTF_8), null);
        ingestAndExtract(html.getBytes(StandardCharsets.UTF_8), SourceFormat.HTML);
    }

    @Property(tries = 600)
    void corruptedPdf(@ForAll("pdfDamage") List<Integer> damage) {
        byte[] pdf = validPdf.clone();
        Random r = new Random(damage.hashCode());
        int cut = damage.get(0) % 4 == 0 ? 1 + r.nextInt(pdf.length - 1) : pdf.length;
        for (int i = 1; i < damage.size(); i++) {
            pdf[Math.floorMod(damage.get(i), pdf.length)] = (byte) r.nextInt(256);
        }
        ingestAndExtract(Arrays.copyOf(pdf, cut), damage.get(0) % 3 == 0 ? SourceFormat.PDF : null);
    }

    @Property(tries = 2000)
    void otherEncodingsAndInvalidSequences(@ForAll("policyText") String text, @ForAll("charsets") Charset charset,
                                           @ForAll("bytes") byte[] garbage, @ForAll int at) {
        byte[] encoded = text.getBytes(charset);
        byte[] mixed = new byte[encoded.length + garbage.length];
        int split = encoded.length == 0 ? 0 : Math.floorMod(at, encoded.length);
        System.arraycopy(encoded, 0, mixed, 0, split);
        System.arraycopy(garbage, 0, mixed, split, garbage.length);
        System.arraycopy(encoded, split, mixed, split + garbage.length, encoded.length - split);
        ingestAndExtract(encoded, null);
        ingestAndExtract(mixed, null);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
                // valid-looking prefixes followed by noise: BOMs, magic numbers, markup
                Combinators.combine(Arbitraries.of("\uFEFF", "%PDF-1.7\n", "<html><body>", "<?xml version='1.0'?>",
                                "{\"text\":", "PK\u0003\u0004", "\u0000\u0000\u00fe\u00ff"),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(1024))
                        .as((prefix, tail) -> concat(prefix.getBytes(StandardCharsets.ISO_8859_1), tail)));
    }

    @Provide
    Arbitrary<SourceFormat> formats() {
        return Arbitraries.of(SourceFormat.values()).injectNull(0.5);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, CharsetDetection.GB18030, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, Charset.forName("Big5"), StandardCharsets.ISO_8859_1);
    }

    /** Corpus sentences in random order, mixed with headings, numbering, whitespace, control chars and noise. */
    @Provide
    Arbitrary<String> policyText() {
        Arbitrary<String> sentence = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .map(i -> sentences.get(i % sentences.size()));
        Arbitrary<String> heading = Arbitraries.of("一、", "（二）", "3.", "4、", "(5)", "第六条 ", "附录", "目录", "十一、",
                "1.2.3 ", "（十）", "第十二章 ");
        Arbitrary<String> noise = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("\n\r\t \u3000\u00a0\u200b\ufeff\u2028").ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(60),
                Arbitraries.strings().withChars("。！？；，、：“”《》（）【】<>&#;").ofMaxLength(20),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(12)
                        .map(d -> "电话：" + d + " 邮箱：" + d + "@x.cn " + d + "个工作日"));
        Arbitrary<String> part = Arbitraries.frequencyOf(
                Tuple.of(6, sentence),
                Tuple.of(2, heading.flatMap(h -> sentence.map(s -> h + s))),
                Tuple.of(2, noise));
        return part.list().ofMaxSize(80).map(parts -> String.join("\n", parts));
    }

    /** HTML with random nesting (up to 12,000 levels in all), broken tags, scripts, tables, entities. */
    @Provide
    Arbitrary<String> html() {
        Arbitrary<String> text = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .map(i -> sentences.get(i % sentences.size()));
        Arbitrary<String> tag = Arbitraries.of("div", "p", "span", "table", "tr", "td", "li", "ul", "h2", "b",
                "script", "style", "nav", "br", "section", "<", "!--", "a href='javascript:x'");
        Arbitrary<String> nested = Combinators.combine(tag, Arbitraries.integers().between(1, 1000), text,
                        Arbitraries.of(true, false))
                .as((t, depth, body, close) -> {
                    StringBuilder sb = new StringBuilder();
                    sb.append(("<" + t + ">").repeat(depth)).append(body);
                    if (close) {
                        sb.append(("</" + t + ">").repeat(depth));
                    }
                    return sb.toString();
                });
        Arbitrary<String> flat = Combinators.combine(tag, text, Arbitraries.of("&amp;", "&#x4e2d;", "&bogus;", "&#0;",
                        "&#99999999;", "", "<![CDATA[", "]]>"))
                .as((t, body, entity) -> "<" + t + ">" + entity + body + "</" + t + ">");
        return Arbitraries.oneOf(nested, flat).list().ofMinSize(1).ofMaxSize(12)
                .map(parts -> "<!doctype html><html><head><title>隐私政策</title></head><body>"
                        + String.join("", parts) + "</body></html>");
    }

    @Provide
    Arbitrary<List<Integer>> pdfDamage() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(40);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
