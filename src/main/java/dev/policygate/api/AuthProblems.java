package dev.policygate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.security.InvalidApiTokenException;
import dev.policygate.security.LoginThrottledException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Authentication outcomes that are not a plain "log in" challenge, as problem+json: an invalid API token (401)
 * and a throttled login (429 with Retry-After). They fail the request in the HTTP security layer, before any
 * resource (and its exception mappers) runs, so a router failure handler answers them.
 */
@ApplicationScoped
public class AuthProblems {
    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        Throwable cause = rc.failure();
        while (cause != null && !(cause instanceof LoginThrottledException) && !(cause instanceof InvalidApiTokenException)) {
            cause = cause.getCause();
        }
        if (cause == null || rc.response().headWritten()) {
            rc.next();
            return;
        }
        if (cause instanceof LoginThrottledException throttled) {
            rc.response().putHeader(HttpHeaderNames.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            send(rc, new Problem("about:blank", "Too many failed logins", 429, throttled.getMessage(), null, null));
        } else {
            rc.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"policygate\", error=\"invalid_token\"");
            send(rc, new Problem("about:blank", "Invalid API token", 401, cause.getMessage(), null, null));
        }
    }

    private void send(RoutingContext rc, Problem problem) {
        try {
            rc.response().setStatusCode(problem.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
