package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.rules.LegalBasis;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import dev.policygate.rules.Severity;
import java.time.OffsetDateTime;
import java.util.List;

/** One immutable revision of an obligation: metadata, DRL and its tests. Never updated once written. */
@Entity
@Table(name = "obligation_revision")
public class ObligationRevision extends PanacheEntityBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LegalBasis>> LEGAL_BASIS_LIST = new TypeReference<>() {
    };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "obligation_id", nullable = false)
    public String obligationId;
    @Column(nullable = false)
    public int revision;
    @Column(name = "title_zh", nullable = false)
    public String titleZh;
    @Column(name = "title_en", nullable = false)
    public String titleEn;
    @Column(nullable = false)
    public String area;
    @Column(nullable = false)
    public String pack;
    @Column(nullable = false)
    public String severity;
    @Column(nullable = false)
    public boolean conditional;
    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;
    @Column(nullable = false)
    public String drl;
    public String tests;
    /** JSON of the {@link Remediation}, or null. */
    public String remediation;
    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;
    @Column(nullable = false)
    public String author;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The highest revision number stored for an obligation, 0 when it has none. */
    public static int latestRevisionNumber(String obligationId) {
        Integer max = getEntityManager()
                .createQuery("select max(r.revision) from ObligationRevision r where r.obligationId = ?1", Integer.class)
                .setParameter(1, obligationId)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    public Obligation toObligation() {
        try {
            return new Obligation(obligationId, titleZh, titleEn, area, pack, Severity.valueOf(severity), conditional,
                    JSON.readValue(legalBasis, LEGAL_BASIS_LIST), drl, tests,
                    remediation == null ? null : JSON.readValue(remediation, Remediation.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored legal basis or remediation of " + obligationId + " r" + revision + " is corrupt", e);
        }
    }

    /** A new, not yet numbered revision holding the content of {@code o}. */
    public static ObligationRevision from(Obligation o) {
        ObligationRevision r = new ObligationRevision();
        r.obligationId = o.id();
        r.titleZh = o.titleZh();
        r.titleEn = o.titleEn();
        r.area = o.area() == null ? "" : o.area();
        r.pack = o.pack() == null ? "" : o.pack();
        r.severity = o.severity().name();
        r.conditional = o.conditional();
        try {
            r.legalBasis = JSON.writeValueAsString(o.legalBasis());
            r.remediation = o.remediation() == null ? null : JSON.writeValueAsString(o.remediation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.drl = o.drl();
        r.tests = o.tests();
        return r;
    }
}
