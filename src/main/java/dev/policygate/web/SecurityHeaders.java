package dev.policygate.web;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response of both ports, set by a Vert.x filter (not a REST filter) so static files,
 * errors of any layer and {@code /q/*} carry them too. The portal has no inline script or style, so its CSP allows
 * only same-origin assets; no page may be framed (clickjacking). A response that sets its own CSP keeps it (the
 * self-contained HTML report needs inline CSS and forbids everything else). The management port serves Swagger UI,
 * whose page has inline script, so its CSP only forbids framing.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String MANAGEMENT_CSP = "frame-ancestors 'none'";
    /** Before every other filter, so even an authentication failure's answer has the headers. */
    private static final int FIRST = Integer.MAX_VALUE;

    void onPublicRouter(@Observes Filters filters) {
        filters.register(handler(PORTAL_CSP), FIRST);
    }

    void onManagementRouter(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(handler(MANAGEMENT_CSP));
    }

    private static Handler<RoutingContext> handler(String csp) {
        return rc -> {
            rc.addHeadersEndHandler(v -> {
                MultiMap h = rc.response().headers();
                setIfAbsent(h, "Content-Security-Policy", csp);
                setIfAbsent(h, "X-Content-Type-Options", "nosniff");
                setIfAbsent(h, "X-Frame-Options", "DENY");
                setIfAbsent(h, "Referrer-Policy", "same-origin");
            });
            rc.next();
        };
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
