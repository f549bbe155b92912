package dev.policygate.ingest;

import dev.policygate.ingest.PdfLines.Line;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads PDFs in child JVMs ({@link PdfReaderProcess}), so that the time and memory a file may take are bounded by
 * construction: a reader still busy at {@link IngestLimits#maxPdfTime()} is killed, one that runs out of its heap
 * exits, and either way the request gets a 422 and the next PDF a fresh reader. No guard inside PDFBox can promise
 * this: a damaged font map once kept it expanding and warning for over ten minutes.
 *
 * <p>Readers are started on first use and kept for the next PDF. At most {@code policygate.pdf-readers} (a JVM
 * system property, default 1) run at once; further PDFs wait for one. A reader's heap is
 * {@link IngestLimits#pdfReaderHeapBytes()}; the JVM's {@code pdfbox.*} system properties (the font cache's place)
 * are passed on.
 */
final class PdfReaders {
    private static final int EXIT_OUT_OF_MEMORY = 3; // what -XX:+ExitOnOutOfMemoryError exits with
    private static final PdfReaders SHARED = new PdfReaders(Integer.getInteger("policygate.pdf-readers", 1));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pdf-reader-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Semaphore slots;
    private final ConcurrentLinkedDeque<Reader> idle = new ConcurrentLinkedDeque<>();
    private final Set<Reader> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PdfReaders(int size) {
        this.slots = new Semaphore(Math.max(1, size), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Reader::kill), "pdf-readers-stop"));
    }

    /** The lines of each page of {@code pdf}, read in a child JVM within the limits' time. */
    static List<List<Line>> read(byte[] pdf, IngestLimits limits) {
        return SHARED.readWithin(pdf, limits);
    }

    /** The processes of the readers waiting for the next PDF (for tests). */
    static List<ProcessHandle> idleReaders() {
        return SHARED.idle.stream().map(r -> r.process.toHandle()).toList();
    }

    private List<List<Line>> readWithin(byte[] pdf, IngestLimits limits) {
        slots.acquireUninterruptibly();
        Reader reader = null;
        try {
            reader = idle.pollFirst();
            if (reader == null || !reader.matches(limits)) {
                if (reader != null) {
                    reader.kill();
                }
                reader = start(limits);
            }
            List<List<Line>> pages = reader.read(pdf, limits);
            idle.addFirst(reader);
            reader = null;
            return pages;
        } finally {
            if (reader != null) {
                reader.kill(); // failed mid-way: a reader in an unknown state is never reused
            }
            slots.release();
        }
    }

    private Reader start(IngestLimits limits) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + limits.pdfReaderHeapBytes() / IngestLimits.MB + "m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.awt.headless=true"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("pdfbox.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", classPath(), PdfReaderProcess.class.getName()));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Reader r = new Reader(p, limits);
            live.add(r);
            return r;
        } catch (IOException e) {
            throw new PdfReaderUnavailable("cannot start a PDF reader (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Where the reader's classes come from: this code and PDFBox with what it needs, wherever they were loaded. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String anchor : List.of(PdfReaderProcess.class.getName(), "org.apache.pdfbox.pdmodel.PDDocument",
                "org.apache.pdfbox.io.RandomAccessRead", "org.apache.fontbox.cmap.CMapParser",
                "org.apache.commons.logging.LogFactory", "org.jboss.logging.Logger")) {
            try {
                CodeSource source = Class.forName(anchor, false, PdfReaders.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException absent) {
                // org.jboss.logging is there only where commons-logging is its bridge
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new PdfReaderUnavailable("cannot locate the classes of " + anchor + ": " + e.getMessage(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** One child JVM and its pipes. */
    private final class Reader {
        private final Process process;
        private final DataOutputStream requests;
        private final DataInputStream replies;
        private final long heapBytes;

        Reader(Process process, IngestLimits limits) {
            this.process = process;
            this.heapBytes = limits.pdfReaderHeapBytes();
            this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        /** A reader's heap is sized for one memory cap. */
        boolean matches(IngestLimits limits) {
            return heapBytes == limits.pdfReaderHeapBytes() && process.isAlive();
        }

        List<List<Line>> read(byte[] pdf, IngestLimits limits) {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> stop = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                kill();
            }, limits.maxPdfTime().toMillis(), TimeUnit.MILLISECONDS);
            try {
                PdfReaderProcess.writeRequest(requests, limits, pdf);
                return PdfReaderProcess.readReply(replies);
            } catch (IOException e) {
                throw failure(timedOut.get(), limits);
            } finally {
                stop.cancel(false);
            }
        }

        private IngestException failure(boolean timedOut, IngestLimits limits) {
            if (timedOut) {
                return new IngestException(422, "Unreadable PDF", "Reading the PDF took longer than "
                        + limits.maxPdfTime().toSeconds() + " s and was stopped (a damaged or hostile file?).");
            }
            boolean outOfMemory = waitForExit() == EXIT_OUT_OF_MEMORY;
            kill();
            return new IngestException(422, "Unreadable PDF", outOfMemory
                    ? "Reading the PDF needed more than " + heapBytes / IngestLimits.MB + " MB of memory and was stopped (a damaged or hostile file?)."
                    : "The PDF reader stopped on this file (a damaged or hostile file?).");
        }

        private int waitForExit() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void kill() {
            live.remove(this);
            process.destroyForcibly();
        }
    }

    /** The service cannot run a PDF reader at all: a fault of the machine, not of the upload. */
    static final class PdfReaderUnavailable extends RuntimeException {
        PdfReaderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
