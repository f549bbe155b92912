package dev.policygate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} carries itemised messages (e.g. DRL compiler messages with
 * line and column) when there are several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<?> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    /** Seconds a client should wait before retrying a request the service was too busy for. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** 503 with {@code Retry-After}: the service's load, not the request, is the problem; the same request can succeed. */
    public static Response busy(String detail) {
        return Response.fromResponse(response(503, "Service busy", detail))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    public static Response response(int status, String title, String detail, List<?> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, null, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }
}
