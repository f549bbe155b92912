package dev.policygate.persistence;

import dev.policygate.api.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for requests that store an assessment: the first
 * request with a key claims it (one row per caller and key, the primary key decides races) and records the
 * assessment it stored; a retry with the same key and the same body gets that assessment, a different body 422.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final int MAX_KEY_LENGTH = 200;
    private static final Duration POLL = Duration.ofMillis(100);

    @Inject
    EntityManager em;
    @ConfigProperty(name = "policygate.idempotency.retention", defaultValue = "24h")
    Duration retention;
    /** How long a retry waits for the first request with its key to finish before it is answered 409. */
    @ConfigProperty(name = "policygate.idempotency.wait", defaultValue = "60s")
    Duration wait;

    private record Claim(String requestSha256, UUID assessmentId) {
    }

    /**
     * Runs {@code create} once per caller and key; a retry with the same request gets {@code load} of the
     * assessment the first one stored. Without a key (null), just runs {@code create}.
     */
    public <T> T once(String caller, String key, String requestSha256, Supplier<T> create, Function<T, UUID> idOf,
                      Function<UUID, T> load) {
        if (key == null) {
            return create.get();
        }
        check(key);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Claim existing = claimOrFind(caller, key, requestSha256);
            if (existing == null) {
                return createClaimed(caller, key, create, idOf);
            }
            if (!existing.requestSha256().equals(requestSha256)) {
                throw new ProblemException(422, "Idempotency key reused", "Idempotency-Key " + key + " was used with"
                        + " a different request; use a new key for a new request.");
            }
            if (existing.assessmentId() != null) {
                return load.apply(existing.assessmentId());
            }
            if (System.nanoTime() > deadline) {
                throw new ProblemException(409, "Request in progress", "A request with Idempotency-Key " + key
                        + " is still being processed; retry it later.");
            }
            sleep();
        }
    }

    private <T> T createClaimed(String caller, String key, Supplier<T> create, Function<T, UUID> idOf) {
        T created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            // nothing was stored: free the key, so that a retry can try again
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "delete from idempotency_key where caller = ?1 and idem_key = ?2 and assessment_id is null")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate());
            throw e;
        }
        UUID id = idOf.apply(created);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update idempotency_key set assessment_id = ?1 where caller = ?2 and idem_key = ?3")
                .setParameter(1, id.toString()).setParameter(2, caller).setParameter(3, key).executeUpdate());
        return created;
    }

    /** Null when this request claimed the key; else the claim of the request that did. */
    private Claim claimOrFind(String caller, String key, String requestSha256) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Claim existing = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                    .setParameter(1, now.minus(retention)).executeUpdate();
            return find(caller, key);
        });
        if (existing != null) {
            return existing;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into idempotency_key"
                            + " (caller, idem_key, request_sha256, assessment_id, created_at) values (?1, ?2, ?3, null, ?4)")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, requestSha256)
                    .setParameter(4, now).executeUpdate());
            return null;
        } catch (RuntimeException e) {
            if (!ConstraintViolations.causedBy(e)) {
                throw e;
            }
            // a concurrent request with the same key claimed it first
            return QuarkusTransaction.requiringNew().call(() -> find(caller, key));
        }
    }

    private Claim find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select request_sha256, assessment_id from idempotency_key where caller = ?1 and idem_key = ?2")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        String id = (String) rows.get(0)[1];
        return new Claim((String) rows.get(0)[0], id == null ? null : UUID.fromString(id));
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(400, "Bad Idempotency-Key", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (a UUID, say).");
        }
    }

    private static boolean causedByConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted", "The request was interrupted; retry it.");
        }
    }
}
