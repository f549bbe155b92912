package dev.policygate.api;

import dev.policygate.persistence.AuditEvent;
import dev.policygate.persistence.AuditLog;
import dev.policygate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** The audit log, for admins: who changed obligations, activated versions, logged in or changed users. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    static final int MAX_LIMIT = 1000;

    @Inject
    AuditLog audit;

    public record AuditEventView(long seq, OffsetDateTime at, String actor, String action, String target,
                                 String beforeSha256, String afterSha256, String detail, String hash) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.seq, e.at, e.actor, e.action, e.target, e.beforeSha, e.afterSha, e.detail,
                    e.hash);
        }
    }

    /** Events after sequence number {@code after}, oldest first; page with the last {@code seq} you saw. */
    @GET
    public List<AuditEventView> list(@QueryParam("after") @DefaultValue("0") long after,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(400, "Invalid page", "after ≥ 0 and 1 ≤ limit ≤ " + MAX_LIMIT + ".");
        }
        return audit.list(after, limit).stream().map(AuditEventView::of).toList();
    }

    /** Re-computes the hash chain: {@code valid} false names the first event that was changed or removed. */
    @GET
    @Path("/verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
