package dev.policygate.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Map;

/**
 * Per request: the language (query, cookie, Accept-Language), the signed-in user and the CSRF token. The token
 * is bound to the session: a random nonce lives in an HttpOnly SameSite=Strict cookie, and every form carries
 * HMAC(server key, nonce | signed-in user), so a token is worth nothing with another cookie, another user, or none.
 */
@RequestScoped
public class Portal {
    static final String CSRF_COOKIE = "pg_csrf";
    static final String LANG_COOKIE = "lang";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecurityIdentity identity;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    /** Keys the CSRF tokens: the session encryption key when set (the same on every replica), else per process. */
    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;
    private static final byte[] PROCESS_KEY = RANDOM_KEY();

    private static byte[] RANDOM_KEY() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    private String lang;
    private String csrf;
    private final List<NewCookie> cookies = new ArrayList<>();

    public String lang() {
        if (lang == null) {
            String query = uri.getQueryParameters().getFirst("lang");
            Cookie c = headers.getCookies().get(LANG_COOKIE);
            lang = Messages.choose(query, c == null ? null : c.getValue(), headers.getHeaderString("Accept-Language"));
            if (Messages.normalise(query) != null) {
                cookies.add(new NewCookie.Builder(LANG_COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).build());
            }
        }
        return lang;
    }

    public boolean zh() {
        return Messages.ZH.equals(lang());
    }

    public Map<String, String> messages() {
        return Messages.of(lang());
    }

    public String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    String csrfToken() {
        if (csrf == null) {
            Cookie c = headers.getCookies().get(CSRF_COOKIE);
            String nonce;
            if (c != null && c.getValue() != null && c.getValue().matches("[0-9a-f]{64}")) {
                nonce = c.getValue();
            } else {
                byte[] b = new byte[32];
                RANDOM.nextBytes(b);
                nonce = HexFormat.of().formatHex(b);
                cookies.add(new NewCookie.Builder(CSRF_COOKIE).value(nonce).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build());
            }
            csrf = sign(nonce);
        }
        return csrf;
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = sessionKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(PROCESS_KEY);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String user = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
            return HexFormat.of().formatHex(mac.doFinal((nonce + "|" + user).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a POST whose form token is not this session's (cookie nonce and signed-in user). */
    void checkCsrf(String formToken) {
        Cookie c = headers.getCookies().get(CSRF_COOKIE);
        if (c == null || c.getValue() == null || !c.getValue().matches("[0-9a-f]{64}") || formToken == null
                || !MessageDigest.isEqual(sign(c.getValue()).getBytes(StandardCharsets.UTF_8),
                        formToken.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("CSRF token missing or wrong; reload the page and try again.");
        }
    }

    /** The current path and query without {@code lang}, for the language switch links. */
    String here() {
        StringBuilder q = new StringBuilder();
        uri.getQueryParameters().forEach((k, vs) -> {
            if (!k.equals("lang")) {
                for (String v : vs) {
                    q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
                }
            }
        });
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        return path + (q.length() == 0 ? "?" : "?" + q + "&");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Renders a page with the common data (messages, user, CSRF token, language links). */
    Response render(TemplateInstance page, int status) {
        Map<String, String> m = messages();
        Map<String, String> st = new java.util.HashMap<>();
        for (String s : List.of("MET", "PARTIAL", "NOT_MET", "NOT_APPLICABLE", "COMPLIANT", "NEEDS_REVISION",
                "NON_COMPLIANT")) {
            st.put(s, m.getOrDefault("status_" + s, s));
        }
        st.put("—", "—");
        page.data("m", m).data("st", st).data("lang", lang()).data("zh", zh()).data("user", user())
                .data("author", hasRole("rule-author")).data("admin", hasRole("admin"))
                .data("csrf", csrfToken()).data("here", here());
        Response.ResponseBuilder r = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .header("Cache-Control", "no-store"); // security headers: SecurityHeaders
        cookies.forEach(r::cookie);
        return r.build();
    }
}
