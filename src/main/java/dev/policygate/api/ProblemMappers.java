package dev.policygate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.policygate.ingest.ChildReaders;
import dev.policygate.ingest.IngestException;
import dev.policygate.rules.RuleCompilationException;
import dev.policygate.rules.RuleExecutionException;
import dev.policygate.rules.RuleSetDefectException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to an application/problem+json response a person can act on. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response ingest(IngestException e) {
        return Problem.response(e.httpStatus(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response childReadersBusy(ChildReaders.Busy e) {
        return Problem.busy(e.getMessage() + " Nothing is wrong with the request, retry it later.");
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response compilation(RuleCompilationException e) {
        return Problem.response(400, "DRL does not compile", e.messages().size()
                + " compiler message(s); nothing was stored.", e.messages());
    }

    @ServerExceptionMapper
    public Response execution(RuleExecutionException e) {
        if (e.causedByLoad()) {
            return Problem.busy(e.getMessage() + "; nothing is wrong with the request, retry it later.");
        }
        return Problem.response(422, "Rule evaluation stopped", e.getMessage());
    }

    @ServerExceptionMapper
    public Response defect(RuleSetDefectException e) {
        return Problem.response(422, "Rule set defect",
                "The rule set did not give exactly one finding per obligation.", e.defects());
    }

    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonTooLarge(StreamConstraintsException e) {
        return Problem.response(413, "JSON too large", "The request body exceeds a limit of the JSON reader: "
                + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException tooLarge) {
                return jsonTooLarge(tooLarge); // databind wraps the parser's refusal with the path it was at
            }
        }
        return Problem.response(400, "Malformed JSON", "The request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        Response r = e.getResponse();
        if (r.getMediaType() != null && Problem.PROBLEM_JSON.isCompatible(r.getMediaType())) {
            return r;
        }
        int status = r.getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return Problem.response(status, title, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return Problem.response(500, "Internal error", "The service failed unexpectedly; the error was logged.");
    }
}
