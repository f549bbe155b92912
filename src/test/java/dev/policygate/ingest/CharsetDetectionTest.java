package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CharsetDetectionTest {
    private static final Ingestor INGESTOR = new Ingestor();
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    static Stream<Path> corpus() {
        return Corpus.all().stream();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void gbkAndUtf16GiveExactlyTheUtf8Document() {
        for (String id : new String[] {"003_", "004_", "capp_rw_001"}) {
            String text = Corpus.text(id);
            assertTrue(GBK.newEncoder().canEncode(text), id + " is GBK-encodable");
            Document utf8 = INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_8), null);
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(GBK), null), "GBK " + id);
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(GBK), SourceFormat.TEXT), "GBK declared " + id);
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_16LE), null), "UTF-16LE " + id);
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_16BE), null), "UTF-16BE " + id);
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_16), null), "UTF-16 BOM " + id);
            assertEquals(utf8, INGESTOR.ingest(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    text.getBytes(StandardCharsets.UTF_16LE)), null), "UTF-16LE BOM " + id);
            assertEquals(utf8, INGESTOR.ingest(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    text.getBytes(StandardCharsets.UTF_8)), null), "UTF-8 BOM " + id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileSurvivesGb18030AndUtf16(Path file) {
        String text = Corpus.read(file);
        Document utf8 = INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(utf8, INGESTOR.ingest(text.getBytes(GB18030), null), "GB18030");
        if (GBK.newEncoder().canEncode(text)) {
            assertEquals(utf8, INGESTOR.ingest(text.getBytes(GBK), null), "GBK");
        }
        assertEquals(utf8, INGESTOR.ingest(text.getBytes(StandardCharsets.UTF_16LE), null), "UTF-16LE");
    }

    @Test
    void big5TraditionalChineseIsDetected() {
        com.ibm.icu.text.Transliterator toTraditional = com.ibm.icu.text.Transliterator.getInstance(
                "Simplified-Traditional");
        Charset big5 = Charset.forName("Big5");
        java.nio.charset.CharsetEncoder enc = big5.newEncoder();
        StringBuilder sb = new StringBuilder();
        for (char c : toTraditional.transliterate(Corpus.text("003_")).toCharArray()) {
            if (enc.canEncode(c)) {
                sb.append(c);
            }
        }
        String text = sb.toString();
        assertEquals(INGESTOR.ingestText(text), INGESTOR.ingest(text.getBytes(big5), null));
    }

    @Test
    void latin1IsRejectedRatherThanGuessed() {
        byte[] b = "Politique de confidentialit\u00e9 : nous collectons votre num\u00e9ro.".getBytes(
                StandardCharsets.ISO_8859_1);
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(b, null));
        assertEquals(422, e.httpStatus());
    }

    @Test
    void shortGbkTextIsDetected() {
        String text = "一、我们如何收集和使用您的个人信息\n我们会收集您的手机号码，用于注册账号。";
        assertEquals(INGESTOR.ingestText(text), INGESTOR.ingest(text.getBytes(GBK), null));
    }

    @Test
    void randomBytesAreRejectedWithAClientError() {
        Random r = new Random(42);
        for (int size : new int[] {16, 1000, 100_000}) {
            for (int i = 0; i < 20; i++) {
                byte[] b = new byte[size];
                r.nextBytes(b);
                IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(b, null));
                assertTrue(e.httpStatus() == 415 || e.httpStatus() == 422, e.httpStatus() + " " + e.getMessage());
                assertThrows(IngestException.class, () -> INGESTOR.ingest(b, SourceFormat.TEXT));
                assertThrows(IngestException.class, () -> INGESTOR.ingest(b, SourceFormat.HTML));
                assertThrows(IngestException.class, () -> INGESTOR.ingest(b, SourceFormat.PDF));
            }
        }
    }

    @Test
    void brokenUtf8IsNotSilentlyMisread() {
        byte[] b = Corpus.text("003_").getBytes(StandardCharsets.UTF_8);
        b[b.length / 2] = (byte) 0xFF; // one corrupt byte in the middle of a character
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(b, null));
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("encoding"), e.getMessage());
    }

    @Test
    void knownBinaryFormatsGet415() {
        byte[] docx = {0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0, 8, 0};
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingest(docx, null));
        assertEquals(415, e.httpStatus());
        assertTrue(e.getMessage().contains("docx"), e.getMessage());
    }

    @Test
    void evenLengthAsciiIsNotMistakenForUtf16() {
        // pairs of ASCII bytes read as UTF-16 fall in the CJK ranges: UTF-8 must win
        String html = "<html><body><div><div>xy</div></div></body></html>";
        assertEquals(0, html.length() % 2);
        assertEquals(html, CharsetDetection.decode(html.getBytes(StandardCharsets.UTF_8)));
        String cjk = "我们收集手机号码用于注册";
        assertEquals(cjk, CharsetDetection.decode(cjk.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(cjk, CharsetDetection.decode(cjk.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void asciiAndUtf8AreTakenAsIs() {
        assertEquals("Privacy policy\r\n\r\n1. We collect your e-mail.", CharsetDetection.decode(
                "Privacy policy\r\n\r\n1. We collect your e-mail.".getBytes(StandardCharsets.US_ASCII)));
    }
}
