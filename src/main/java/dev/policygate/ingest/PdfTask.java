package dev.policygate.ingest;

import dev.policygate.ingest.PdfLines.Line;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link PdfLines} as a {@link ChildTask}: the limits and the PDF in, the pages' lines out. */
public final class PdfTask implements ChildTask {

    /** The lines of each page of {@code pdf}, read in a child JVM within the limits' time and heap. */
    static List<List<Line>> read(byte[] pdf, IngestLimits limits) {
        return ChildReaders.run(PdfTask.class, out -> {
            out.writeLong(limits.maxUploadBytes());
            out.writeLong(limits.maxTextBytes());
            out.writeInt(limits.maxPdfPages());
            out.writeLong(limits.maxPdfMemoryBytes());
            out.writeLong(limits.maxPdfTime().toMillis());
        }, pdf, "PDF", limits.maxPdfTime(), limits.pdfReaderHeapBytes(), PdfTask::pages);
    }

    @Override
    public void run(DataInputStream in, DataOutputStream out) throws IOException {
        IngestLimits limits = new IngestLimits(in.readLong(), in.readLong(), in.readInt(), in.readLong(),
                Duration.ofMillis(in.readLong()));
        List<List<Line>> pages = PdfLines.read(in.readAllBytes(), limits);
        out.writeInt(pages.size());
        for (List<Line> page : pages) {
            out.writeInt(page.size());
            for (Line l : page) {
                byte[] text = l.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                out.writeFloat(l.xStart());
                out.writeFloat(l.xEnd());
                out.writeFloat(l.charWidth());
                out.writeFloat(l.y());
            }
        }
    }

    private static List<List<Line>> pages(DataInputStream in) throws IOException {
        // no capacities from the reply's counts: the bytes bound what is built
        int pageCount = in.readInt();
        List<List<Line>> pages = new ArrayList<>();
        for (int p = 0; p < pageCount; p++) {
            int n = in.readInt();
            List<Line> page = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] text = in.readNBytes(in.readInt());
                page.add(new Line(new String(text, StandardCharsets.UTF_8), in.readFloat(),
                        in.readFloat(), in.readFloat(), in.readFloat()));
            }
            pages.add(page);
        }
        return pages;
    }
}
