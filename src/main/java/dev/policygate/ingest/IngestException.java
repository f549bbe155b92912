package dev.policygate.ingest;

/**
 * A policy that cannot be read. {@code httpStatus} says which 4xx it maps to: 400 empty, 413 too large,
 * 415 unsupported format, 422 unreadable content (corrupt PDF, undecodable bytes).
 */
public class IngestException extends RuntimeException {
    private final int httpStatus;
    private final String title;

    public IngestException(int httpStatus, String title, String detail) {
        super(detail);
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public IngestException(int httpStatus, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    public static IngestException empty() {
        return new IngestException(400, "Empty policy", "The policy text is empty or contains only whitespace.");
    }
}
