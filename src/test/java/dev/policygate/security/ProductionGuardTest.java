package dev.policygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the production profile refuses to start with. */
class ProductionGuardTest {
    private static final String KEY = "k8s-secret-session-key-0123456789abcdef";
    private static final Map<String, String> STRONG = Map.of("author", "author-Secret-123", "admin",
            "admin-Secret-123", "reviewer", "reviewer-Secret-123");

    @Test
    void realSecretsPass() {
        assertEquals(List.of(), ProductionGuard.configProblems("db-Secret-123", KEY, STRONG));
    }

    @Test
    void emptyOrPlaceholderSecretsAreRefused() {
        assertTrue(ProductionGuard.configProblems("", KEY, STRONG).get(0).contains("database password"));
        assertTrue(ProductionGuard.configProblems("REPLACE_ME", KEY, STRONG).get(0).contains("database password"));
        assertTrue(ProductionGuard.configProblems("db-Secret-123", "", STRONG).get(0).contains("session encryption key"));
        assertTrue(ProductionGuard.configProblems("db-Secret-123", "REPLACE_ME-REPLACE_ME-REPLACE_ME-REPLACE_ME", STRONG)
                .get(0).contains("session encryption key"));
    }

    @Test
    void defaultShortOrEmptyUserPasswordsAreRefusedByName() {
        Map<String, String> weak = Map.of("author", "author", "admin", "", "reviewer", "short");
        List<String> problems = ProductionGuard.configProblems("db-Secret-123", KEY, weak);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("POLICYGATE_ADMIN_PASSWORD") && p.contains("empty")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("POLICYGATE_AUTHOR_PASSWORD") && p.contains("default")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("POLICYGATE_REVIEWER_PASSWORD") && p.contains("12")));
    }

    @Test
    void theAuditKeyMustBeLongAndNotTheDevelopmentDefault() {
        assertEquals(null, ProductionGuard.auditKeyProblem("k8s-secret-audit-hmac-key-0123456789abcdef"));
        for (String weak : List.of("", "short-key", "REPLACE_ME-REPLACE_ME-REPLACE_ME-REPLACE_ME",
                "dev-only-audit-key-not-a-secret-0123456789")) {
            String problem = ProductionGuard.auditKeyProblem(weak);
            assertTrue(problem != null && problem.contains("POLICYGATE_AUDIT_HMAC_KEY"), weak + ": " + problem);
        }
    }
}
