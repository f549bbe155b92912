package dev.policygate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The append-only audit log, chained by HMAC ({@link AuditChain}): obligation changes, rule-set activations, logins
 * and user changes. Appending joins the caller's transaction, so a change and its audit event are stored together
 * or not at all.
 */
@ApplicationScoped
public class AuditLog {
    public static final int MAX_DETAIL = 2000;
    /** The hash the first event links to (also the head's hash in the V2 migration). */
    static final String GENESIS = "0".repeat(64);

    /** Null without a key: the prod profile refuses to start then (security.ProductionGuard). */
    private final AuditChain chain;

    @Inject
    AuditLog(@ConfigProperty(name = "policygate.audit.hmac-key") java.util.Optional<String> hmacKey) {
        this.chain = hmacKey.filter(k -> !k.isBlank()).map(AuditChain::new).orElse(null);
    }

    private AuditChain chain() {
        if (chain == null) {
            throw new IllegalStateException("policygate.audit.hmac-key is not set (POLICYGATE_AUDIT_HMAC_KEY)");
        }
        return chain;
    }

    /**
     * The outcome of re-computing the chain: valid, or the first event whose hash or link is wrong.
     * {@code unkeyedEvents}: the events written before the chain was keyed (V12), covered by SHA-256 only; the
     * number never grows.
     */
    public record Verification(boolean valid, long events, long unkeyedEvents, Long firstBrokenSeq, String problem) {
    }

    @Transactional
    public AuditEvent append(String actor, String action, String target, String beforeSha, String afterSha,
                             String detail) {
        AuditHead head = AuditHead.findById(AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent e = new AuditEvent();
        e.seq = head.seq + 1;
        // millisecond precision survives every database's timestamp type, so the hash re-computes exactly
        e.at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        e.actor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 200);
        e.action = action;
        e.target = truncate(target, 200);
        e.beforeSha = beforeSha;
        e.afterSha = afterSha;
        e.detail = detail == null ? null : truncate(detail, MAX_DETAIL);
        e.prevHash = head.hash;
        e.scheme = AuditChain.KEYED;
        e.hash = chain().keyed(e.chainedFields());
        e.persist();
        head.seq = e.seq;
        head.hash = e.hash;
        return e;
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit}. */
    @Transactional
    public List<AuditEvent> list(long afterSeq, int limit) {
        return AuditEvent.find("seq > ?1 order by seq", afterSeq).page(0, limit).list();
    }

    /** Re-computes every hash and link of the chain, and checks the head names the last event. */
    @Transactional
    public Verification verify() {
        String prev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        long unkeyed = 0;
        boolean keyedSeen = false;
        final int page = 500;
        while (true) {
            List<AuditEvent> events = list(expectedSeq - 1, page);
            for (AuditEvent e : events) {
                if (e.seq != expectedSeq) {
                    return broken(count, unkeyed, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (e.scheme != AuditChain.KEYED && e.scheme != AuditChain.UNKEYED) {
                    return broken(count, unkeyed, e.seq, "event " + e.seq + " names an unknown hash scheme");
                }
                // once keyed, an unkeyed event can only be one rewritten by someone without the key
                if (e.scheme == AuditChain.UNKEYED && keyedSeen) {
                    return broken(count, unkeyed, e.seq, "event " + e.seq + " is unkeyed but follows a keyed event");
                }
                if (!e.prevHash.equals(prev)) {
                    return broken(count, unkeyed, e.seq, "event " + e.seq + " does not link to the one before");
                }
                if (!java.security.MessageDigest.isEqual(chain().compute(e.scheme, e.chainedFields()).getBytes(),
                        e.hash.getBytes())) {
                    return broken(count, unkeyed, e.seq, "event " + e.seq + " was changed after it was written");
                }
                keyedSeen |= e.scheme == AuditChain.KEYED;
                unkeyed += e.scheme == AuditChain.UNKEYED ? 1 : 0;
                prev = e.hash;
                expectedSeq++;
                count++;
            }
            if (events.size() < page) {
                break;
            }
        }
        AuditHead head = AuditHead.findById(AuditHead.ID);
        if (head.seq != count || !head.hash.equals(prev)) {
            return broken(count, unkeyed, count + 1, "the chain's head does not name its last event");
        }
        return new Verification(true, count, unkeyed, null, null);
    }

    private static Verification broken(long count, long unkeyed, long seq, String problem) {
        return new Verification(false, count, unkeyed, seq, problem);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
