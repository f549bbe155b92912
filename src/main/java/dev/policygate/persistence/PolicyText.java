package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

/** A normalised policy text, stored once however many assessments judged it (keyed by its sha256). */
@Entity
@Table(name = "policy_text")
public class PolicyText extends PanacheEntityBase {
    @Id
    public String sha256;
    @Column(name = "normalized_text", nullable = false)
    public String normalizedText;

    /**
     * Stores the text unless it is there already, in a transaction of its own: two requests storing the same new
     * text at once both succeed (the loser's unique-key violation means the text is there).
     */
    public static void storeOnce(String sha256, String text) {
        try {
            QuarkusTransaction.requiringNew().run(() -> getEntityManager().createNativeQuery(
                            "insert into policy_text (sha256, normalized_text) select ?1, ?2"
                                    + " where not exists (select 1 from policy_text where sha256 = ?1)")
                    .setParameter(1, sha256).setParameter(2, text).executeUpdate());
        } catch (PersistenceException e) {
            if (QuarkusTransaction.requiringNew().call(() -> findById(sha256)) == null) {
                throw e;
            }
        }
    }

    /** The text with this sha256; stored assessments always have theirs (a foreign key). */
    public static String text(String sha256) {
        PolicyText t = findById(sha256);
        if (t == null) {
            throw new IllegalStateException("policy text " + sha256 + " is missing");
        }
        return t.normalizedText;
    }
}
