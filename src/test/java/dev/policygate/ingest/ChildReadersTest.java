package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * PDFs are read in child JVMs that are stopped at the time limit or by their heap: a font map that PDFBox would
 * expand for minutes, or until the service's memory is gone, costs one reader and a 422, and the next PDF is read.
 */
class ChildReadersTest {
    private static final String POLICY = "隐私政策\n我们收集您的手机号码，用于账号注册。";

    private static Ingestor ingestor(long memoryCap, Duration time) {
        return new Ingestor(new IngestLimits(20 * IngestLimits.MB, 2 * IngestLimits.MB, 500, memoryCap, time));
    }

    @Test
    void aFontMapThatWouldExpandForMinutesIsStoppedAtTheTimeLimit() throws IOException {
        // five-byte codes: 2^31 entries, each one warned about and dropped by PDFBox
        byte[] hostile = TestPdfs.withFontMapRange("0000000000", "007FFFFFFE");
        Ingestor ingestor = ingestor(64 * IngestLimits.MB, Duration.ofSeconds(3));
        long start = System.nanoTime();
        IngestException e = readerStopped(() -> ingestor.ingest(hostile, SourceFormat.PDF));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(422, e.httpStatus());
        assertEquals("Reading the PDF took longer than 3 s and was stopped (a damaged or hostile file?).",
                e.getMessage());
        assertTrue(seconds < 3 + ChildReaderProcess.GRACE_SECONDS, "stopped after " + seconds + " s");
        assertEquals(POLICY, ingestor.ingest(TestPdfs.pdf(POLICY), SourceFormat.PDF).normalizedText(),
                "the next PDF gets a fresh reader");
    }

    @Test
    void aFontMapThatWouldFillTheMemoryIsStoppedByTheReadersHeap() throws IOException {
        // four-byte codes: two billion map entries
        byte[] hostile = TestPdfs.withFontMapRange("00000000", "7FFFFFFE");
        Ingestor ingestor = ingestor(IngestLimits.MB, Duration.ofMinutes(5));
        long heapMb = ingestor.limits().pdfReaderHeapBytes() / IngestLimits.MB;
        IngestException e = readerStopped(() -> ingestor.ingest(hostile, SourceFormat.PDF));
        assertEquals(422, e.httpStatus());
        assertEquals("Reading the PDF needed more than " + heapMb + " MB of memory and "
                + "was stopped (a damaged or hostile file?).", e.getMessage());
        assertEquals(POLICY, ingestor.ingest(TestPdfs.pdf(POLICY), SourceFormat.PDF).normalizedText());
    }

    @Test
    void aPdfOfMoreLinesThanItsPagesHoldIsRefusedInTheChild() throws IOException {
        // one page, so 200 lines: each line becomes an object in the service
        Ingestor ingestor = ingestor(64 * IngestLimits.MB, Duration.ofSeconds(30));
        IngestException e = assertThrows(IngestException.class,
                () -> ingestor.ingest(TestPdfs.manyLines(201), SourceFormat.PDF));
        assertEquals(413, e.httpStatus());
        assertEquals("The PDF holds more than " + PdfLines.LINES_PER_PAGE + " lines of text.", e.getMessage());
        assertEquals(200, ingestor.ingest(TestPdfs.manyLines(200), SourceFormat.PDF).normalizedText()
                .chars().filter(c -> c == '信').count());
    }

    @Test
    void theChildCountsTextInUtf8BytesAsTheServiceDoes() throws IOException {
        // 1,000 Chinese characters are 3,000 bytes: over a 2,000-byte limit, though only 1,000 characters
        Ingestor ingestor = new Ingestor(new IngestLimits(20 * IngestLimits.MB, 2000, 500, 64 * IngestLimits.MB,
                Duration.ofSeconds(30)));
        IngestException e = assertThrows(IngestException.class,
                () -> ingestor.ingest(TestPdfs.pdf("个人信息".repeat(250)), SourceFormat.PDF));
        assertEquals(413, e.httpStatus());
        assertEquals("The PDF holds more text than the accepted maximum.", e.getMessage(),
                "refused in the child, before the service builds the text");
        assertEquals("个人信息".repeat(150), ingestor.ingest(TestPdfs.pdf("个人信息".repeat(150)), SourceFormat.PDF)
                .normalizedText().replaceAll("\\s", ""), "600 characters, 1,800 bytes and the line breaks: read");
    }

    @Test
    void aChildThatRefusesAFileReadsTheNext() throws IOException {
        Ingestor ingestor = ingestor(64 * IngestLimits.MB, Duration.ofSeconds(30));
        ingestor.ingest(TestPdfs.pdf(POLICY), SourceFormat.PDF);
        List<ProcessHandle> before = ChildReaders.idleChildren();
        assertEquals(1, before.size());
        IngestException e = assertThrows(IngestException.class,
                () -> ingestor.ingest(TestPdfs.pdf(POLICY, "owner", "user"), SourceFormat.PDF));
        assertEquals("Encrypted PDF", e.title());
        assertEquals(before, ChildReaders.idleChildren(), "the same child waits for the next file");
        assertTrue(before.get(0).isAlive());
    }

    @Test
    void filesBeyondWhatMayWaitAreTurnedAwayAsBusy() throws Exception {
        byte[] hostile = TestPdfs.withFontMapRange("0000000000", "007FFFFFFE");
        Ingestor ingestor = ingestor(64 * IngestLimits.MB, Duration.ofSeconds(3));
        int waiters = ChildReaders.WAITING_PER_CHILD; // one child by default
        ExecutorService pool = Executors.newFixedThreadPool(1 + waiters);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int i = 0; i <= waiters; i++) {
                running.add(pool.submit(() -> {
                    try {
                        return ingestor.ingest(hostile, SourceFormat.PDF);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (ChildReaders.waitingFiles() < waiters && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(waiters, ChildReaders.waitingFiles(), "one file read, the others waiting");
            ChildReaders.Busy busy = assertThrows(ChildReaders.Busy.class,
                    () -> ingestor.ingest(TestPdfs.pdf(POLICY), SourceFormat.PDF));
            assertEquals("Too many files wait to be read; the PDF was not read.", busy.getMessage());
            List<String> outcomes = new ArrayList<>();
            for (Future<Object> f : running) {
                Object o = f.get(30, TimeUnit.SECONDS);
                outcomes.add(o instanceof IngestException ie ? "422 " + ie.httpStatus()
                        : o.getClass().getSimpleName());
            }
            assertTrue(outcomes.contains("422 422"), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(o -> o.equals("422 422") || o.equals("Busy")), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(POLICY, ingestor.ingest(TestPdfs.pdf(POLICY), SourceFormat.PDF).normalizedText());
    }

    @Test
    void onlyAWellFormedReplyIsBelieved() {
        long number = 7;
        ByteBuffer stray = ByteBuffer.allocate(17).put("Picked up".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer otherRequest = ByteBuffer.allocate(64).putInt(0x50474352).putLong(6).put((byte) 0).putInt(0);
        ByteBuffer status200 = ByteBuffer.allocate(64).putInt(0x50474352).putLong(number).put((byte) 1).putInt(200);
        ByteBuffer huge = ByteBuffer.allocate(17).putInt(0x50474352).putLong(number).put((byte) 0)
                .putInt(ChildReaderProcess.MAX_REPLY_BYTES + 1);
        ByteBuffer negative = ByteBuffer.allocate(17).putInt(0x50474352).putLong(number).put((byte) 0).putInt(-2);
        for (ByteBuffer b : List.of(stray, otherRequest, status200, huge, negative)) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b.array()));
            assertThrows(IOException.class, () -> ChildReaderProcess.readReply(in, number));
        }
        ByteBuffer good = ByteBuffer.allocate(17).putInt(0x50474352).putLong(number).put((byte) 0).putInt(0);
        assertEquals(0, assertDoesNotThrow(() -> ChildReaderProcess.readReply(
                new DataInputStream(new ByteArrayInputStream(good.array())), number)).length);
    }

    /**
     * Runs a read that must fail, and checks that the reader it ran in is gone from the machine: no reader process
     * of this JVM is alive afterwards that was not alive before, and the idle reader it took is not.
     */
    private static IngestException readerStopped(Executable read) {
        List<ProcessHandle> idleBefore = ChildReaders.idleChildren();
        Set<Long> before = readerProcesses();
        IngestException e = assertThrows(IngestException.class, read);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Long> after = readerProcesses();
        while ((!before.containsAll(after) || idleBefore.stream().anyMatch(ProcessHandle::isAlive))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            after = readerProcesses();
        }
        assertTrue(before.containsAll(after), "readers alive before " + before + ", after " + after);
        assertTrue(idleBefore.stream().noneMatch(ProcessHandle::isAlive), "the reader used is still alive");
        return e;
    }

    private static Set<Long> readerProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(ChildReaderProcess.class.getName()))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
