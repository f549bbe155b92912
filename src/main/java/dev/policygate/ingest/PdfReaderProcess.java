package dev.policygate.ingest;

import dev.policygate.ingest.PdfLines.Line;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The child JVM that reads PDFs for {@link PdfReaders}: one request after another on stdin, one reply each on
 * stdout, until stdin closes (the parent is gone). Nothing else may write to stdout, so {@code System.out} is sent
 * to stderr, which the parent discards; PDFBox's logging is off, since a damaged file can make it warn millions of
 * times. If the parent is gone and cannot kill it, the child halts itself {@value #GRACE_SECONDS} s after the
 * request's time limit.
 *
 * <p>Request: the limits, then the PDF's bytes. Reply: {@code 0} and the pages' lines, or {@code 1} and an
 * {@link IngestException}'s status, title and detail.
 */
final class PdfReaderProcess {
    private static final byte OK = 0;
    private static final byte FAILED = 1;
    static final int GRACE_SECONDS = 10;
    // a strong reference: JUL keeps loggers weakly, and a collected logger forgets its level
    private static final Logger ROOT = Logger.getLogger("");

    private PdfReaderProcess() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        LogManager.getLogManager().reset();
        ROOT.setLevel(Level.OFF);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        ScheduledExecutorService selfStop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdf-reader-self-stop");
            t.setDaemon(true);
            return t;
        });
        while (true) {
            IngestLimits limits;
            byte[] pdf;
            try {
                limits = readLimits(in);
                pdf = new byte[in.readInt()];
                in.readFully(pdf);
            } catch (EOFException parentGone) {
                return;
            }
            ScheduledFuture<?> halt = selfStop.schedule(() -> Runtime.getRuntime().halt(2),
                    limits.maxPdfTime().toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
            try {
                writePages(out, PdfLines.read(pdf, limits));
            } catch (IngestException e) {
                writeFailure(out, e);
            } catch (RuntimeException | StackOverflowError e) {
                writeFailure(out, new IngestException(422, "Unreadable PDF",
                        "The PDF could not be read: " + e.getClass().getSimpleName()));
            }
            out.flush();
            halt.cancel(false);
        }
    }

    static void writeRequest(DataOutputStream out, IngestLimits limits, byte[] pdf) throws IOException {
        out.writeLong(limits.maxUploadBytes());
        out.writeLong(limits.maxTextBytes());
        out.writeInt(limits.maxPdfPages());
        out.writeLong(limits.maxPdfMemoryBytes());
        out.writeLong(limits.maxPdfTime().toMillis());
        out.writeInt(pdf.length);
        out.write(pdf);
        out.flush();
    }

    private static IngestLimits readLimits(DataInputStream in) throws IOException {
        return new IngestLimits(in.readLong(), in.readLong(), in.readInt(), in.readLong(),
                Duration.ofMillis(in.readLong()));
    }

    private static void writePages(DataOutputStream out, List<List<Line>> pages) throws IOException {
        out.writeByte(OK);
        out.writeInt(pages.size());
        for (List<Line> page : pages) {
            out.writeInt(page.size());
            for (Line l : page) {
                writeString(out, l.text());
                out.writeFloat(l.xStart());
                out.writeFloat(l.xEnd());
                out.writeFloat(l.charWidth());
                out.writeFloat(l.y());
            }
        }
    }

    private static void writeFailure(DataOutputStream out, IngestException e) throws IOException {
        out.writeByte(FAILED);
        out.writeInt(e.httpStatus());
        writeString(out, e.title());
        writeString(out, e.getMessage());
    }

    /** The reply to one request: the pages' lines, or the child's {@link IngestException} thrown here. */
    static List<List<Line>> readReply(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == FAILED) {
            int status = in.readInt();
            String title = readString(in);
            throw new IngestException(status, title, readString(in));
        }
        if (kind != OK) {
            throw new IOException("unexpected reply " + kind + " from the PDF reader");
        }
        int pageCount = in.readInt();
        List<List<Line>> pages = new ArrayList<>(pageCount);
        for (int p = 0; p < pageCount; p++) {
            int n = in.readInt();
            List<Line> page = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                page.add(new Line(readString(in), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat()));
            }
            pages.add(page);
        }
        return pages;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
