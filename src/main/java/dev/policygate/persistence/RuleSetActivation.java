package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One activation of a rule set version; rows are only ever appended, the newest names the active version. */
@Entity
@Table(name = "rule_set_activation")
public class RuleSetActivation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "rule_set_version", nullable = false)
    public Integer ruleSetVersion;
    @Column(name = "activated_by", nullable = false)
    public String activatedBy;
    @Column(name = "activated_at", nullable = false)
    public OffsetDateTime activatedAt;

    /** The newest activation (it names the active version), or null before the first one. */
    public static RuleSetActivation latest() {
        return find("order by id desc").firstResult();
    }
}
