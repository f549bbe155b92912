package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** An API token of a user: the sha256 of its secret (never the secret), its scopes and its lifetime. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String username;
    @Column(nullable = false)
    public String name;
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    @Column(nullable = false)
    public String scopes;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public Set<String> scopeSet() {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(scopes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
