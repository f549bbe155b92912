package dev.policygate.ingest;

import java.time.Duration;

/**
 * Size limits for ingestion.
 *
 * @param maxUploadBytes largest accepted upload (raw bytes of any format); larger → 413
 * @param maxTextBytes   largest normalised text, counted in UTF-8 bytes; larger → 413
 * @param maxPdfPages    largest PDF page count; more → 413
 * @param maxPdfMemoryBytes cap on the memory PDFBox may use to buffer decoded streams (decompression-bomb guard)
 * @param maxPdfTime     longest a PDF may take to read; longer → 422, and the reader is stopped
 */
public record IngestLimits(long maxUploadBytes, long maxTextBytes, int maxPdfPages, long maxPdfMemoryBytes,
                           Duration maxPdfTime) {

    public static final long MB = 1024L * 1024L;

    public IngestLimits {
        if (maxUploadBytes <= 0 || maxTextBytes <= 0 || maxPdfPages <= 0 || maxPdfMemoryBytes <= 0
                || maxPdfTime == null || maxPdfTime.toMillis() <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 20 MB upload, 2 MB of normalised text, 500 PDF pages, 256 MB of PDF stream buffers, 30 s to read a PDF. */
    public static IngestLimits defaults() {
        return new IngestLimits(20 * MB, 2 * MB, 500, 256 * MB, Duration.ofSeconds(30));
    }

    /** The heap of the child JVM that reads a PDF: the stream-buffer cap and room for PDFBox's own objects. */
    public long pdfReaderHeapBytes() {
        return maxPdfMemoryBytes + 64 * MB;
    }

    /** The length of {@code s} in UTF-8, what {@link #maxTextBytes} counts. */
    static long utf8Bytes(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static IngestException tooLarge(String detail) {
        return new IngestException(413, "Policy too large", detail);
    }
}
