package dev.policygate.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every 401 under /api carries a basic-auth challenge. Quarkus leaves it out while form login is enabled too
 * (basic auth is then "silent"), but API clients and curl need it to know how to authenticate.
 */
@ApplicationScoped
public class BasicChallengeFilter {
    static final String BASIC_CHALLENGE = "Basic realm=\"policygate\"";

    void register(@Observes Router router) {
        // before the security handlers, so the headers-end hook sees their 401s too
        router.route("/api/*").order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 401 && !rc.response().headers().contains(HttpHeaderNames.WWW_AUTHENTICATE)) {
                    rc.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, BASIC_CHALLENGE);
                }
            });
            rc.next();
        });
    }
}
