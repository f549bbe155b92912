package dev.policygate.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

/**
 * The facts and findings of an assessment, stored once however many assessments reached the same result (keyed by
 * the sha256 of the two JSON documents; results stored before migration V9 are keyed by their assessment's id).
 */
@Entity
@Table(name = "assessment_result")
public class AssessmentResult extends PanacheEntityBase {
    @Id
    @Column(name = "result_key")
    public String resultKey;
    @Column(name = "facts_json", nullable = false)
    public String factsJson;
    @Column(name = "findings_json", nullable = false)
    public String findingsJson;

    /** The key of a result: the sha256 of its facts and findings. */
    public static String keyOf(String factsJson, String findingsJson) {
        return RuleSetService.sha256(factsJson + '\n' + findingsJson);
    }

    /**
     * Stores the result unless it is there already, in a transaction of its own: two requests storing the same new
     * result at once both succeed (the loser's unique-key violation means the result is there).
     */
    public static void storeOnce(String key, String factsJson, String findingsJson) {
        try {
            QuarkusTransaction.requiringNew().run(() -> getEntityManager().createNativeQuery(
                            "insert into assessment_result (result_key, facts_json, findings_json) select ?1, ?2, ?3"
                                    + " where not exists (select 1 from assessment_result where result_key = ?1)")
                    .setParameter(1, key).setParameter(2, factsJson).setParameter(3, findingsJson).executeUpdate());
        } catch (PersistenceException e) {
            if (QuarkusTransaction.requiringNew().call(() -> findById(key)) == null) {
                throw e;
            }
        }
    }

    /** The result with this key; stored assessments always have theirs (a foreign key). */
    public static AssessmentResult of(String key) {
        AssessmentResult r = findById(key);
        if (r == null) {
            throw new IllegalStateException("assessment result " + key + " is missing");
        }
        return r;
    }
}
