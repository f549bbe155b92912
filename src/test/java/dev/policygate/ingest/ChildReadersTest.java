package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
