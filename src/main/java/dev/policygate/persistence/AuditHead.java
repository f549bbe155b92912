package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row naming the last audit event; locked while appending so the chain stays linear. */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {
    static final int ID = 1;
    @Id
    public Integer id;
    @Column(nullable = false)
    public Long seq;
    @Column(nullable = false)
    public String hash;
}
