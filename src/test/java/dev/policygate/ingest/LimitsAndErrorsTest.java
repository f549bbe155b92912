package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsAndErrorsTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static int status(Runnable r) {
        return assertThrows(IngestException.class, r::run).httpStatus();
    }

    @Test
    void emptyAndWhitespaceOnlyAre400() {
        assertEquals(400, status(() -> INGESTOR.ingestText("")));
        assertEquals(400, status(() -> INGESTOR.ingestText(" \r\n\t\u3000\u00a0\u200b\ufeff\n ")));
        assertEquals(400, status(() -> INGESTOR.ingestText(null)));
        assertEquals(400, status(() -> INGESTOR.ingest(new byte[0], null)));
        assertEquals(400, status(() -> INGESTOR.ingest(null, null)));
        assertEquals(400, status(() -> INGESTOR.ingest(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, null)));
        assertEquals(400, status(() -> INGESTOR.ingest(" \n\n ".getBytes(StandardCharsets.UTF_8), SourceFormat.TEXT)));
        IngestException e = assertThrows(IngestException.class, () -> INGESTOR.ingestText("\n\n"));
        assertEquals("Empty policy", e.title());
    }

    @Test
    void fiveMegabytesOfTextIs413() {
        String para = Corpus.text("003_");
        StringBuilder sb = new StringBuilder();
        while (sb.length() * 3 < 5 * 1024 * 1024) {
            sb.append(para).append('\n');
        }
        String big = sb.toString();
        assertEquals(413, status(() -> INGESTOR.ingestText(big)));
        assertEquals(413, status(() -> INGESTOR.ingest(big.getBytes(StandardCharsets.UTF_8), null)));
        assertEquals(413, status(() -> INGESTOR.ingest(big.getBytes(CharsetDetection.GB18030), null)));
    }

    @Test
    void uploadLimitIs413BeforeAnyWork() {
        Ingestor small = new Ingestor(new IngestLimits(1000, 500, 10, IngestLimits.MB, Duration.ofSeconds(30)));
        byte[] bytes = new byte[1001];
        assertEquals(413, status(() -> small.ingest(bytes, null)));
        assertEquals(413, status(() -> small.ingest("我".repeat(200).getBytes(StandardCharsets.UTF_8), null)));
        assertEquals("我".repeat(100), small.ingest("我".repeat(100).getBytes(StandardCharsets.UTF_8), null).normalizedText());
    }

    @Test
    void defaultsAndValidation() {
        IngestLimits d = new Ingestor().limits();
        assertEquals(20 * IngestLimits.MB, d.maxUploadBytes());
        assertEquals(2 * IngestLimits.MB, d.maxTextBytes());
        assertEquals(500, d.maxPdfPages());
        assertThrows(IllegalArgumentException.class, () -> new IngestLimits(0, 1, 1, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new IngestLimits(1, 1, 1, 1, Duration.ZERO));
    }

    @Test
    void errorsCarryTitlesAndMessages() {
        IngestException e = assertThrows(IngestException.class,
                () -> INGESTOR.ingest(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, null));
        assertEquals(415, e.httpStatus());
        assertTrue(e.title() != null && !e.title().isBlank());
        assertTrue(e.getMessage().contains("PNG"), e.getMessage());
    }

    @Test
    void controlCharacterGarbageIs415() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 32 == 10 ? 'a' : i % 9); // valid ASCII/UTF-8, but control characters throughout
        }
        int s = status(() -> INGESTOR.ingest(b, null));
        assertTrue(s == 415 || s == 422, "status " + s);
    }
}
