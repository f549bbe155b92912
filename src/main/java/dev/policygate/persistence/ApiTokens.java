package dev.policygate.persistence;

import dev.policygate.api.ProblemException;
import dev.policygate.security.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens for CI and scripts. The secret ({@code pgt_} and 32 random bytes, base64url) is returned once, when
 * the token is made; only its sha256 is stored, so a leaked database holds no usable token. Creating and revoking
 * are audited.
 */
@ApplicationScoped
public class ApiTokens {
    public static final String PREFIX = "pgt_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    private static final int MAX_NAME = 100;
    // writing last_used on every request would make each API call a database write
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Inject
    AuditLog audit;

    private final SecureRandom random = new SecureRandom();

    /** A token as the API lists it: never the secret or its hash. */
    public record TokenView(long id, String user, String name, List<String> scopes, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.username, t.name, List.copyOf(t.scopeSet()), t.createdAt, t.expiresAt,
                    t.revokedAt, t.lastUsedAt);
        }
    }

    /** A new token with its secret: the only time the secret is shown. */
    public record CreatedToken(long id, String user, String name, List<String> scopes, OffsetDateTime createdAt,
                               OffsetDateTime expiresAt, String secret) {
    }

    /** What a valid token lets its request do: its user, the roles it grants now, its id and scopes. */
    public record Grant(long tokenId, String username, Set<String> roles, Set<String> scopes) {
    }

    @Transactional
    public CreatedToken create(String owner, String name, Collection<String> scopes, Integer expiresInDays,
                               String actor) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new ProblemException(400, "Invalid token name", "A token needs a \"name\" of 1 to " + MAX_NAME
                    + " characters, e.g. the CI pipeline that uses it.");
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new ProblemException(400, "Invalid expiry", "\"expiresInDays\" is 1 to " + MAX_DAYS + " (default "
                    + DEFAULT_DAYS + "); got " + days + ".");
        }
        AppUser user = owner == null ? null : AppUser.findById(owner);
        if (user == null) {
            throw ProblemException.notFound("User " + owner + " does not exist.");
        }
        Set<String> granted = Scopes.validate(scopes);
        Set<String> allowed = Scopes.allowedBy(user.roleSet());
        if (!allowed.containsAll(granted)) {
            throw new ProblemException(400, "Scopes beyond roles", "User " + owner + " has roles " + user.roleSet()
                    + ", which allow the scopes " + allowed + "; asked for " + granted + ".");
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ApiToken t = new ApiToken();
        t.username = owner;
        t.name = name.strip();
        t.tokenHash = hash(secret);
        t.scopes = String.join(",", granted);
        t.createdAt = now();
        t.expiresAt = t.createdAt.plusDays(days);
        t.persist();
        audit.append(actor, "token.create", "token " + t.id, null, null,
                "user " + owner + ", name " + t.name + ", scopes " + t.scopes + ", expires " + t.expiresAt);
        return new CreatedToken(t.id, t.username, t.name, List.copyOf(granted), t.createdAt, t.expiresAt, secret);
    }

    /** The tokens of one user, or of everyone ({@code user} null), newest first. */
    @Transactional
    public List<TokenView> list(String user) {
        List<ApiToken> tokens = user == null ? ApiToken.list("order by id desc")
                : ApiToken.list("username = ?1 order by id desc", user);
        return tokens.stream().map(TokenView::of).toList();
    }

    /** The token; 404 if unknown, 403 if it is someone else's and the caller is no admin. */
    @Transactional
    public TokenView get(long id, String caller, boolean admin) {
        return TokenView.of(accessible(id, caller, admin));
    }

    /** Revokes the token for good (revoking it again changes nothing). */
    @Transactional
    public void revoke(long id, String caller, boolean admin) {
        ApiToken t = accessible(id, caller, admin);
        if (t.revokedAt != null) {
            return;
        }
        t.revokedAt = now();
        audit.append(caller, "token.revoke", "token " + t.id, null, null, "user " + t.username + ", name " + t.name);
    }

    /**
     * The grant of a secret that names an unrevoked, unexpired token of an existing user whose roles still cover
     * at least one of its scopes; empty otherwise.
     */
    @Transactional
    public Optional<Grant> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ApiToken t = ApiToken.find("tokenHash", hash(secret)).firstResult();
        OffsetDateTime now = now();
        if (t == null || !t.usableAt(now)) {
            return Optional.empty();
        }
        AppUser user = AppUser.findById(t.username);
        if (user == null) {
            return Optional.empty();
        }
        Set<String> roles = Scopes.roles(t.scopeSet(), user.roleSet());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
            t.lastUsedAt = now;
        }
        return Optional.of(new Grant(t.id, t.username, roles, t.scopeSet()));
    }

    private static ApiToken accessible(long id, String caller, boolean admin) {
        ApiToken t = ApiToken.findById(id);
        if (t == null) {
            throw ProblemException.notFound("API token " + id + " does not exist.");
        }
        if (!admin && !t.username.equals(caller)) {
            throw new ProblemException(403, "Forbidden", "API token " + id + " belongs to another user.");
        }
        return t;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String secret) {
        return RuleSetService.sha256(secret);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
