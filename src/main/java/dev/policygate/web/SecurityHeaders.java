package dev.policygate.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers on every response of the API and the portal. The portal has no inline script or style, so
 * its CSP allows only same-origin assets; no page may be framed (clickjacking). A response that sets its own
 * CSP keeps it (the self-contained HTML report needs inline CSS and forbids everything else).
 */
public class SecurityHeaders {
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putIfAbsent("Content-Security-Policy", List.of(PORTAL_CSP));
        h.putIfAbsent("X-Content-Type-Options", List.of("nosniff"));
        h.putIfAbsent("X-Frame-Options", List.of("DENY"));
        h.putIfAbsent("Referrer-Policy", List.of("same-origin"));
    }
}
