package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An immutable, numbered rule set: the exact obligation revisions it holds and its scoring configuration. */
@Entity
@Table(name = "rule_set")
public class RuleSetVersion extends PanacheEntityBase {
    /** Where a version came from. */
    public enum Source { DISK, API }

    @Id
    public Integer version;
    @Column(nullable = false)
    public String sha256;
    @Column(name = "scoring_config", nullable = false)
    public String scoringConfig;
    @Column(nullable = false)
    public String author;
    public String comment;
    @Column(nullable = false)
    public String source;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @ManyToMany
    @JoinTable(name = "rule_set_entry",
            joinColumns = @JoinColumn(name = "rule_set_version"),
            inverseJoinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    public List<ObligationRevision> revisions = new ArrayList<>();

    public static RuleSetVersion latest() {
        return find("order by version desc").firstResult();
    }

    public static RuleSetVersion withSha(String sha256) {
        return find("sha256", sha256).firstResult();
    }
}
