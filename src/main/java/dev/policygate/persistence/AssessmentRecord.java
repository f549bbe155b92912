package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored assessment, kept whole for audit: the text it judged (in {@link PolicyText}), the facts and the findings
 * (in {@link AssessmentResult}) and the verdict.
 */
@Entity
@Table(name = "assessment")
public class AssessmentRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    public String title;
    @Column(name = "document_sha256", nullable = false)
    public String documentSha256;
    @Column(name = "source_format", nullable = false)
    public String sourceFormat;
    /** Stored once per distinct text in {@link PolicyText} (by {@link #documentSha256}); filled in when read. */
    @jakarta.persistence.Transient
    public String normalizedText;
    @Column(name = "rule_set_version", nullable = false)
    public Integer ruleSetVersion;
    @Column(nullable = false, precision = 5, scale = 1)
    public BigDecimal score;
    @Column(nullable = false)
    public String verdict;
    /** The facts and findings, stored once per distinct result in {@link AssessmentResult}. */
    @Column(name = "result_key", nullable = false)
    public String resultKey;
    /** Filled in from {@link AssessmentResult} when read. */
    @jakarta.persistence.Transient
    public String factsJson;
    /** Filled in from {@link AssessmentResult} when read. */
    @jakarta.persistence.Transient
    public String findingsJson;
    /** The app whose policy this is (its history: GET /api/v1/apps/{appId}/assessments), or null. */
    @Column(name = "app_id")
    public String appId;
    /** The policy's own version label (e.g. "2024-03" or "v2.1"), or null. */
    @Column(name = "version_label")
    public String versionLabel;
}
