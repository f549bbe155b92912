package dev.policygate.persistence;

import dev.policygate.api.ProblemException;
import dev.policygate.security.PasswordPolicy;
import dev.policygate.security.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users of the embedded default, with bcrypt password hashes. Every change is audited.
 * <p>
 * Basic auth sends the password with every request and bcrypt costs tens of milliseconds by design, so a
 * successful check is remembered as a salted SHA-256 of the password, tied to the stored hash (a changed
 * password or a deleted user invalidates it), in a small bounded map.
 */
@ApplicationScoped
public class UserDirectory {
    private static final int BCRYPT_COST = 10;
    private static final int VERIFIED_CACHE_SIZE = 256;
    // compared against when the user does not exist, so a wrong name costs as long as a wrong password
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user", BCRYPT_COST);

    @Inject
    AuditLog audit;

    private final byte[] cacheSalt = new SecureRandom().generateSeed(16);
    private final Map<String, String> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > VERIFIED_CACHE_SIZE;
        }
    };

    /** A user as the API shows it: never the password hash. */
    public record UserView(String username, List<String> roles, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static UserView of(AppUser u) {
            return new UserView(u.username, List.copyOf(u.roleSet()), u.createdAt, u.updatedAt);
        }
    }

    /** The user's roles if the password is right, empty otherwise. */
    @Transactional
    public Optional<Set<String>> authenticate(String username, String password) {
        AppUser u = AppUser.findById(username);
        if (u == null) {
            matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        String key = u.username + "\n" + u.passwordHash;
        String digest = digest(password);
        synchronized (verified) {
            if (MessageDigest.isEqual(digest.getBytes(StandardCharsets.UTF_8),
                    verified.getOrDefault(key, "").getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(u.roleSet());
            }
        }
        if (!matches(password, u.passwordHash)) {
            return Optional.empty();
        }
        synchronized (verified) {
            verified.put(key, digest);
        }
        return Optional.of(u.roleSet());
    }

    /** The roles of an existing user, for a session that was authenticated before (the portal's cookie). */
    @Transactional
    public Optional<Set<String>> roles(String username) {
        AppUser u = username == null ? null : AppUser.findById(username);
        return u == null ? Optional.empty() : Optional.of(u.roleSet());
    }

    @Transactional
    public List<UserView> list() {
        return AppUser.<AppUser>listAll().stream()
                .sorted(java.util.Comparator.comparing(u -> u.username)).map(UserView::of).toList();
    }

    @Transactional
    public UserView get(String username) {
        return UserView.of(find(username));
    }

    @Transactional
    public UserView create(String username, String password, Collection<String> roles, String actor) {
        PasswordPolicy.checkUsername(username);
        if (AppUser.findById(username) != null) {
            throw new ProblemException(409, "User exists", "User " + username + " exists already; change it with PUT.");
        }
        PasswordPolicy.check(username, password);
        AppUser u = store(username, password, Roles.validate(roles));
        audit.append(actor, "user.create", username, null, u.stateSha256(), "roles " + u.roles);
        return UserView.of(u);
    }

    /** Changes the password and/or the roles (null leaves it as it is). */
    @Transactional
    public UserView update(String username, String password, Collection<String> roles, String actor) {
        AppUser u = find(username);
        String before = u.stateSha256();
        String beforeRoles = u.roles;
        if (password != null) {
            PasswordPolicy.check(username, password);
            u.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        }
        if (roles != null) {
            Set<String> next = Roles.validate(roles);
            if (!next.contains(Roles.ADMIN)) {
                requireAnotherAdmin(u);
            }
            u.roles = String.join(",", next);
        }
        u.updatedAt = now();
        audit.append(actor, "user.update", username, before, u.stateSha256(),
                (password != null ? "password changed; " : "") + "roles " + beforeRoles + " -> " + u.roles);
        return UserView.of(u);
    }

    @Transactional
    public void delete(String username, String actor) {
        AppUser u = find(username);
        requireAnotherAdmin(u);
        audit.append(actor, "user.delete", username, u.stateSha256(), null, "roles " + u.roles);
        u.delete();
    }

    /** Creates the user with this password unless it exists already (start-up seeding); true if created. */
    @Transactional
    public boolean seed(String username, String password, Collection<String> roles) {
        if (AppUser.findById(username) != null) {
            return false;
        }
        AppUser u = store(username, password, Roles.validate(roles));
        audit.append("system", "user.create", username, null, u.stateSha256(), "seeded at start-up; roles " + u.roles);
        return true;
    }

    @Transactional
    public boolean exists(String username) {
        return AppUser.findById(username) != null;
    }

    /** Whether the stored password of this user is {@code password} (the production guard asks). */
    @Transactional
    public boolean hasPassword(String username, String password) {
        AppUser u = AppUser.findById(username);
        return u != null && matches(password, u.passwordHash);
    }

    private AppUser store(String username, String password, Set<String> roles) {
        AppUser u = new AppUser();
        u.username = username;
        u.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        u.roles = String.join(",", roles);
        u.createdAt = now();
        u.updatedAt = u.createdAt;
        u.persist();
        return u;
    }

    private void requireAnotherAdmin(AppUser u) {
        if (!u.roleSet().contains(Roles.ADMIN)) {
            return;
        }
        boolean another = AppUser.<AppUser>listAll().stream()
                .anyMatch(o -> !o.username.equals(u.username) && o.roleSet().contains(Roles.ADMIN));
        if (!another) {
            throw new ProblemException(409, "Last admin", "User " + u.username
                    + " is the last admin; make another user admin first.");
        }
    }

    private static AppUser find(String username) {
        AppUser u = username == null ? null : AppUser.findById(username);
        if (u == null) {
            throw ProblemException.notFound("User " + username + " does not exist.");
        }
        return u;
    }

    private static boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException e) { // a hash that is not bcrypt matches nothing
            return false;
        }
    }

    private String digest(String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(cacheSalt);
            return java.util.HexFormat.of().formatHex(d.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
