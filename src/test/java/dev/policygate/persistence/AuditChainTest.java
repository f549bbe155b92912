package dev.policygate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two hash schemes of the audit chain, on their own. */
class AuditChainTest {
    private final AuditChain chain = new AuditChain("test-audit-key-0123456789abcdef0123");

    @Test
    void fieldBoundariesCannotMoveUnnoticed() {
        List<String> a = List.of("x\ny", "z");
        List<String> b = List.of("x", "y\nz");
        assertEquals(AuditChain.unkeyed(a), AuditChain.unkeyed(b), "the old scheme joined with newlines");
        assertNotEquals(chain.keyed(a), chain.keyed(b));
        assertNotEquals(chain.keyed(Arrays.asList("a", null)), chain.keyed(List.of("a", "null")), "null is not 'null'");
        assertNotEquals(chain.keyed(Arrays.asList("a", null)), chain.keyed(List.of("a", "")), "null is not empty");
    }

    @Test
    void theHmacDependsOnTheKey() {
        List<String> fields = List.of("0".repeat(64), "1", "2026-01-01T00:00:00Z", "admin", "user.create", "bob");
        assertEquals(chain.keyed(fields), new AuditChain("test-audit-key-0123456789abcdef0123").keyed(fields));
        assertNotEquals(chain.keyed(fields), new AuditChain("another-key-0123456789abcdef012345").keyed(fields));
        assertEquals(64, chain.keyed(fields).length(), "fits the hash column: 32 bytes as hex");
    }

    @Test
    void eventsStoredBeforeTheKeyVerifyWithTheirOriginalHash() {
        // the pre-V12 formula, written out: SHA-256 of the fields joined with newlines, null as "null"
        List<String> fields = Arrays.asList("0".repeat(64), "1", "2026-01-01T00:00:00Z", "admin", "user.create", "bob",
                null, "abc", null);
        String old = RuleSetService.sha256(String.join("\n", "0".repeat(64), "1", "2026-01-01T00:00:00Z", "admin",
                "user.create", "bob", "null", "abc", "null"));
        assertEquals(old, AuditChain.unkeyed(fields));
        assertEquals(old, chain.compute(AuditChain.UNKEYED, fields));
        assertEquals(chain.keyed(fields), chain.compute(AuditChain.KEYED, fields));
    }
}
