package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

class PdfIngestTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static List<String> texts(Document d) {
        return d.sentences().stream().map(Sentence::text).toList();
    }

    @Test
    void pdfVersionGivesTheSameSentencesAndSectionsAsText() throws IOException {
        for (String id : new String[] {"003_", "004_", "000_", "001_", "capp_rw_001"}) {
            String text = Corpus.text(id);
            Document txt = INGESTOR.ingestText(text);
            byte[] pdf = TestPdfs.pdf(txt.normalizedText(), null, null, "隐私政策 2021年版");
            Document d = INGESTOR.ingest(pdf, null);
            assertFalse(d.normalizedText().contains("2021年版"), "running header dropped");
            assertEquals(SourceFormat.PDF, d.sourceFormat());
            assertFalse(d.normalizedText().contains("- 1 -"), "page numbers dropped");
            assertEquals(texts(txt), texts(d), id);
            assertEquals(txt.sections().stream().map(Section::path).toList(),
                    d.sections().stream().map(Section::path).toList(), id);
            assertEquals(txt.normalizedText(), d.normalizedText(), id);
            CitationInvariantTest.assertSections(d);
            CitationInvariantTest.assertSentences(d);
            assertEquals(d, INGESTOR.ingest(pdf, SourceFormat.PDF));
        }
    }

    @Test
    void pdfLinesReallyAreWrapped() throws IOException {
        String text = Corpus.text("003_");
        byte[] pdf = TestPdfs.pdf(INGESTOR.ingestText(text).normalizedText());
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String raw = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(raw.lines().count() > text.lines().count() + 50, "the generated PDF wraps long paragraphs");
            assertTrue(doc.getNumberOfPages() > 3);
        }
    }

    @Test
    void ownerPasswordOnlyIsReadableButAUserPasswordIs422() throws IOException {
        String text = "一、我们如何收集信息\n我们会收集您的手机号码。";
        Document d = INGESTOR.ingest(TestPdfs.pdf(text, "owner", ""), null);
        assertEquals(text, d.normalizedText());
        IngestException e = assertThrows(IngestException.class,
                () -> INGESTOR.ingest(TestPdfs.pdf(text, "owner", "secret"), null));
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void truncatedAndCorruptPdfsAre422() throws IOException {
        byte[] pdf = TestPdfs.pdf(Corpus.text("003_"));
        for (int cut : new int[] {8, 200, pdf.length / 3, pdf.length / 2}) {
            byte[] truncated = Arrays.copyOf(pdf, cut);
            IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(truncated, null),
                    "cut at " + cut);
            assertEquals(422, e.httpStatus(), e.getMessage());
        }
        byte[] junk = "%PDF-1.7\n\u00e2\u00e3\u00cf\u00d3 this is not really a pdf 1 0 obj << /Type".getBytes(
                StandardCharsets.ISO_8859_1);
        assertEquals(422, assertThrows(IngestException.class, () -> INGESTOR.ingest(junk, null)).httpStatus());
    }

    @Test
    void pdfWithoutTextIs422() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(out);
        }
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(out.toByteArray(), null));
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("no extractable text"), e.getMessage());
    }

    @Test
    void pageLimitIs413() throws IOException {
        byte[] pdf = TestPdfs.pdf(Corpus.text("003_"));
        Ingestor small = new Ingestor(new IngestLimits(20 * IngestLimits.MB, 2 * IngestLimits.MB, 2, 64 * IngestLimits.MB,
                Duration.ofSeconds(30)));
        IngestException e = assertThrows(IngestException.class, () -> small.ingest(pdf, null));
        assertEquals(413, e.httpStatus());
    }

    @Test
    void declaredPdfOnOtherBytesIs415() {
        byte[] text = "一、我们如何收集信息\n我们会收集您的手机号码。".getBytes(StandardCharsets.UTF_8);
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(text, SourceFormat.PDF));
        assertEquals(415, e.httpStatus());
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
    }

    @Test
    void pdfDeclaredAsTextIs415() throws IOException {
        byte[] pdf = TestPdfs.pdf("我们会收集您的手机号码。");
        assertEquals(415, assertThrows(IngestException.class, () -> INGESTOR.ingest(pdf, SourceFormat.TEXT)).httpStatus());
    }

    @Test
    void decompressionBombIsRejected() throws IOException {
        byte[] bomb;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] comment = ("% " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 8 * 1024; i++) { // 8 MB of content, a few KB compressed
                    out.write(comment);
                }
            }
            page.setContents(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            bomb = out.toByteArray();
        }
        assertTrue(bomb.length < 200_000, "compressed size " + bomb.length);
        Ingestor small = new Ingestor(new IngestLimits(20 * IngestLimits.MB, 2 * IngestLimits.MB, 500, IngestLimits.MB,
                Duration.ofSeconds(30)));
        IngestException e = assertThrows(IngestException.class, () -> small.ingest(bomb, null));
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("decompression"), e.getMessage());
    }
}
