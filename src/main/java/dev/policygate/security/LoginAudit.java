package dev.policygate.security;

import dev.policygate.persistence.AuditLog;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Writes logins to the audit log: every portal (form) login, every failed authentication, form or basic, and
 * every attempt refused by the login throttle.
 * A successful basic-auth request is not a login (API clients send their credentials with every request); what
 * such a request changes is audited with its user. Observed asynchronously: the write never blocks the IO thread.
 */
@ApplicationScoped
public class LoginAudit {
    @Inject
    AuditLog audit;

    void onFormLogin(@ObservesAsync FormAuthenticationEvent event) {
        String user = event.getSecurityIdentity().getPrincipal().getName();
        audit.append(user, "login.success", "portal", null, null, "form login" + from(event.getEventProperties()));
    }

    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        RoutingContext rc = routingContext(event.getEventProperties());
        String user = rc == null ? null : attemptedUser(rc);
        String target = rc == null ? "unknown" : rc.request().path();
        audit.append(user == null ? "unknown" : user, "login.failure", target, null, null,
                (rc != null && rc.request().getHeader("Authorization") != null ? "basic auth" : "form login")
                        + from(event.getEventProperties()));
    }

    /** A login refused by {@link LoginThrottle}; written at once, on the worker thread that refused it. */
    void throttled(String user, RoutingContext rc, LoginThrottledException e) {
        String target = rc == null ? "unknown" : rc.request().path();
        String how = rc != null && rc.request().getHeader("Authorization") != null ? "basic auth" : "form login";
        String from = rc == null || rc.request().remoteAddress() == null ? ""
                : " from " + rc.request().remoteAddress().hostAddress();
        audit.append(user, "login.throttled", target, null, null,
                how + from + ": " + e.getMessage() + " Retry after " + e.retryAfterSeconds() + " s.");
    }

    /** The user name the client tried: from the basic-auth header or the login form. */
    static String attemptedUser(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return rc.request().getFormAttribute("j_username");
    }

    private static String from(Map<String, Object> properties) {
        RoutingContext rc = routingContext(properties);
        return rc == null || rc.request().remoteAddress() == null ? "" : " from " + rc.request().remoteAddress().hostAddress();
    }

    private static RoutingContext routingContext(Map<String, Object> properties) {
        return properties.get(RoutingContext.class.getName()) instanceof RoutingContext rc ? rc : null;
    }
}
