package dev.policygate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The append-only, hash-chained audit log: obligation changes, rule-set activations, logins and user changes.
 * Appending joins the caller's transaction, so a change and its audit event are stored together or not at all.
 */
@ApplicationScoped
public class AuditLog {
    public static final int MAX_DETAIL = 2000;
    /** The hash the first event links to (also the head's hash in the V2 migration). */
    static final String GENESIS = "0".repeat(64);

    /** The outcome of re-computing the chain: valid, or the first event whose hash or link is wrong. */
    public record Verification(boolean valid, long events, Long firstBrokenSeq, String problem) {
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
        e.hash = e.computeHash();
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
        final int page = 500;
        while (true) {
            List<AuditEvent> events = list(expectedSeq - 1, page);
            for (AuditEvent e : events) {
                if (e.seq != expectedSeq) {
                    return new Verification(false, count, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!e.prevHash.equals(prev)) {
                    return new Verification(false, count, e.seq, "event " + e.seq + " does not link to the one before");
                }
                if (!e.computeHash().equals(e.hash)) {
                    return new Verification(false, count, e.seq, "event " + e.seq + " was changed after it was written");
                }
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
            return new Verification(false, count, count + 1, "the chain's head does not name its last event");
        }
        return new Verification(true, count, null, null);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
