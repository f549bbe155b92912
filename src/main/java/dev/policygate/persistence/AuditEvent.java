package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One entry of the append-only audit log; {@link AuditLog} writes it and nothing updates or deletes it. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    @Id
    public Long seq;
    @Column(nullable = false)
    public OffsetDateTime at;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String action;
    @Column(nullable = false)
    public String target;
    @Column(name = "before_sha")
    public String beforeSha;
    @Column(name = "after_sha")
    public String afterSha;
    public String detail;
    @Column(name = "prev_hash", nullable = false)
    public String prevHash;
    @Column(nullable = false)
    public String hash;
    /** How {@link #hash} was computed: {@link AuditChain#UNKEYED} (before V12) or {@link AuditChain#KEYED}. */
    @Column(nullable = false)
    public short scheme;

    /** The fields the hash covers, in order, chained to the previous event by {@link #prevHash}. */
    java.util.List<String> chainedFields() {
        return java.util.Arrays.asList(prevHash, String.valueOf(seq), at.toInstant().toString(), actor, action, target,
                beforeSha, afterSha, detail);
    }
}
