package dev.policygate.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whoever can write the database but lacks the audit key cannot rewrite the log unnoticed: neither by recomputing
 * an HMAC with a key of their own, nor by passing an event off as one from before the chain was keyed.
 */
@QuarkusTest
class AuditKeyTest {

    private static JsonPath verify() {
        return given().auth().preemptive().basic("admin", "admin").get("/api/v1/audit/verify").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Two audit events (user.create), so the last one follows a keyed event; returns the last one's seq. */
    private static long twoNewEvents() {
        for (int i = 0; i < 2; i++) {
            given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                    .body(Map.of("username", "key-" + UUID.randomUUID().toString().substring(0, 8),
                            "password", "Correct-Horse-Battery-9", "roles", List.of("reviewer")))
                    .post("/api/v1/users").then().statusCode(201);
        }
        return QuarkusTransaction.requiringNew().call(() -> AuditHead.<AuditHead>findById(AuditHead.ID).seq);
    }

    private record Stored(String actor, String hash, short scheme, String headHash) {
    }

    /** Rewrites event {@code seq} and the head as an attacker with database access would, runs verify, restores. */
    private static JsonPath verifyAfterRewriting(long seq, Consumer<AuditEvent> rewrite) {
        Stored original = QuarkusTransaction.requiringNew().call(() -> {
            AuditEvent e = AuditEvent.findById(seq);
            return new Stored(e.actor, e.hash, e.scheme, AuditHead.<AuditHead>findById(AuditHead.ID).hash);
        });
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                AuditEvent e = AuditEvent.findById(seq);
                e.actor = "mallory";
                rewrite.accept(e);
                AuditHead.<AuditHead>findById(AuditHead.ID).hash = e.hash;
            });
            return verify();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                AuditEvent e = AuditEvent.findById(seq);
                e.actor = original.actor();
                e.hash = original.hash();
                e.scheme = original.scheme();
                AuditHead.<AuditHead>findById(AuditHead.ID).hash = original.headHash();
            });
        }
    }

    @Test
    void newEventsAreKeyedAndTheChainVerifies() {
        long seq = twoNewEvents();
        short scheme = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>findById(seq).scheme);
        assertEquals(AuditChain.KEYED, scheme);
        JsonPath ok = verify();
        assertTrue(ok.getBoolean("valid"), ok.prettify());
        assertEquals(0, ok.getLong("unkeyedEvents"), "a database created after V12 holds no unkeyed event");
    }

    @Test
    void anHmacRecomputedWithAnotherKeyIsDetected() {
        long seq = twoNewEvents();
        JsonPath broken = verifyAfterRewriting(seq,
                e -> e.hash = new AuditChain("attackers-own-key-0123456789abcdef").keyed(e.chainedFields()));
        assertFalse(broken.getBoolean("valid"));
        assertEquals(seq, broken.getLong("firstBrokenSeq"));
        assertTrue(broken.getString("problem").contains("changed"), broken.getString("problem"));
        assertTrue(verify().getBoolean("valid"), "restored");
    }

    @Test
    void anEventPassedOffAsUnkeyedIsDetected() {
        long seq = twoNewEvents();
        JsonPath broken = verifyAfterRewriting(seq, e -> {
            e.scheme = AuditChain.UNKEYED;
            e.hash = AuditChain.unkeyed(e.chainedFields());
        });
        assertFalse(broken.getBoolean("valid"));
        assertEquals(seq, broken.getLong("firstBrokenSeq"));
        assertTrue(broken.getString("problem").contains("unkeyed"), broken.getString("problem"));
        assertTrue(verify().getBoolean("valid"), "restored");
    }
}
