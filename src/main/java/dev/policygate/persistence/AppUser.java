package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** A user of the embedded default: name, bcrypt hash of the password, roles. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {
    @Id
    public String username;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    @Column(nullable = false)
    public String roles;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public Set<String> roleSet() {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(out::add);
        return out;
    }

    /** What the audit log records of a user: a hash over name, roles and password hash, never the hash itself. */
    String stateSha256() {
        return RuleSetService.sha256(username + "\n" + roles + "\n" + passwordHash);
    }
}
