package dev.policygate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The visual lines of a PDF's pages, read with PDFBox 3: each line's text, horizontal extent, glyph width and
 * baseline, which {@link PdfText} re-flows into paragraphs.
 *
 * <p>Guards: page limit (413), text limit (413), encrypted (422), corrupt (422), and a decompression-bomb check
 * that inflates every Flate stream with a byte cap before any text is extracted, since PDFBox decodes filters in
 * memory. What these guards cannot bound (a damaged font map that expands for minutes, say) is bounded by the
 * process it runs in.
 */
final class PdfLines {
    /** Lines a PDF may hold per page, on average: a dense page has about 60; each becomes an object. */
    static final long LINES_PER_PAGE = 200;

    private PdfLines() {
    }

    /**
     * The lines of each page, in reading order. Runs PDFBox in the calling thread with no time bound: only
     * {@link PdfTask} calls it, inside a child JVM that {@link ChildReaders} kills at the deadline.
     */
    static List<List<Line>> read(byte[] bytes, IngestLimits limits) {
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxPdfMemoryBytes()).streamCache)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw IngestLimits.tooLarge("The PDF has " + pages + " pages; at most " + limits.maxPdfPages()
                        + " are accepted.");
            }
            checkStreams(doc, limits.maxPdfMemoryBytes());
            LineStripper stripper = new LineStripper(limits.maxTextBytes(), LINES_PER_PAGE * Math.max(1, pages));
            stripper.setSortByPosition(true);
            stripper.setShouldSeparateByBeads(false);
            stripper.getText(doc);
            return stripper.pages;
        } catch (InvalidPasswordException e) {
            throw new IngestException(422, "Encrypted PDF",
                    "The PDF is password-protected; upload an unencrypted copy.", e);
        } catch (IngestException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new IngestException(422, "Unreadable PDF",
                    "The PDF could not be read (corrupt or truncated): " + safeMessage(e), e);
        }
    }

    private static String safeMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    /** Inflates each FlateDecode stream with a cap so that a decompression bomb fails fast with a 422/413. */
    private static void checkStreams(PDDocument doc, long cap) throws IOException {
        long total = 0;
        for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
            COSObject obj = doc.getDocument().getObjectFromPool(key);
            COSBase base = obj.getObject();
            if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                continue; // images are never decoded for text extraction
            }
            COSBase filter = stream.getFilters();
            boolean flate = filter == COSName.FLATE_DECODE || filter == COSName.FLATE_DECODE_ABBREVIATION
                    || (filter instanceof COSArray arr && arr.size() > 0
                    && (arr.getObject(0) == COSName.FLATE_DECODE
                    || arr.getObject(0) == COSName.FLATE_DECODE_ABBREVIATION));
            if (!flate) {
                continue;
            }
            long n = inflatedSize(stream, cap);
            total += n;
            if (n > cap || total > 4 * cap) {
                throw new IngestException(422, "Unreadable PDF",
                        "The PDF contains compressed data that expands beyond the accepted size "
                                + "(possible decompression bomb).");
            }
        }
    }

    private static long inflatedSize(COSStream stream, long cap) {
        Inflater inflater = new Inflater();
        try (InputStream raw = stream.createRawInputStream();
             InputStream in = new InflaterInputStream(raw, inflater, 8192)) {
            byte[] buf = new byte[64 * 1024];
            long n = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > cap) {
                    return n;
                }
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return 0; // broken streams are PDFBox's problem; it tolerates many
        } finally {
            inflater.end();
        }
    }

    /** One visual line of a page. */
    record Line(String text, float xStart, float xEnd, float charWidth, float y) {
    }

    /** Collects lines with their horizontal extent. */
    private static final class LineStripper extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        private final long maxBytes;
        private final long maxLines;
        private long bytes;
        private long lines;
        private List<Line> page;
        private final StringBuilder line = new StringBuilder();
        private float xStart = Float.NaN;
        private float xEnd = Float.NaN;
        private float charWidth;
        private float y = Float.NaN;

        LineStripper(long maxBytes, long maxLines) throws IOException {
            this.maxBytes = maxBytes;
            this.maxLines = maxLines;
        }

        @Override
        protected void startPage(PDPage p) throws IOException {
            page = new ArrayList<>();
            pages.add(page);
            super.startPage(p);
        }

        @Override
        protected void endPage(PDPage p) throws IOException {
            flushLine();
            super.endPage(p);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            line.append(text);
            count(IngestLimits.utf8Bytes(text));
            for (TextPosition tp : positions) {
                if (Float.isNaN(y)) {
                    y = tp.getYDirAdj();
                }
                float x0 = tp.getXDirAdj();
                float x1 = x0 + tp.getWidthDirAdj();
                if (Float.isNaN(xStart) || x0 < xStart) {
                    xStart = x0;
                }
                if (Float.isNaN(xEnd) || x1 > xEnd) {
                    xEnd = x1;
                    if (tp.getWidthDirAdj() > 0) {
                        charWidth = tp.getWidthDirAdj();
                    }
                }
            }
        }

        @Override
        protected void writeWordSeparator() {
            line.append(' ');
            count(1);
        }

        @Override
        protected void writeLineSeparator() {
            flushLine();
        }

        /** Counts text as the service will count it, in UTF-8 bytes: separators and line breaks too. */
        private void count(long n) {
            bytes += n;
            if (bytes > maxBytes) {
                throw IngestLimits.tooLarge("The PDF holds more text than the accepted maximum.");
            }
        }

        private void flushLine() {
            String t = line.toString().strip();
            if (!t.isEmpty() && page != null) {
                if (++lines > maxLines) {
                    throw IngestLimits.tooLarge("The PDF holds more than " + maxLines + " lines of text.");
                }
                count(1);
                page.add(new Line(t, Float.isNaN(xStart) ? 0 : xStart, Float.isNaN(xEnd) ? 0 : xEnd, charWidth,
                        Float.isNaN(y) ? 0 : y));
            }
            y = Float.NaN;
            line.setLength(0);
            xStart = Float.NaN;
            xEnd = Float.NaN;
            charWidth = 0;
        }
    }
}
