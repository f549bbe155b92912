package dev.policygate.api;

import java.util.List;

/** A 4xx outcome with a status, title and optional itemised errors, raised by services and resources. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final transient List<?> errors;

    public ProblemException(int status, String title, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<?> errors() {
        return errors;
    }
}
