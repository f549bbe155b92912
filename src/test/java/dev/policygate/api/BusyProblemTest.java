package dev.policygate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.rules.RuleExecutionException;
import dev.policygate.rules.RuleExecutionException.Reason;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Load is answered 503 with Retry-After; a stop that the input or the rules caused stays 422. */
class BusyProblemTest {
    private final ProblemMappers mappers = new ProblemMappers();

    private Response map(RuleExecutionException e) {
        return mappers.execution(e);
    }

    @Test
    void loadIs503WithRetryAfter() {
        for (RuleExecutionException e : new RuleExecutionException[] {
                new RuleExecutionException(Reason.OVERLOADED, "rule evaluator overloaded: 64 evaluations waiting", null),
                new RuleExecutionException(Reason.INTERRUPTED, "evaluation interrupted", null),
                new RuleExecutionException(Reason.TIME_LIMIT, "evaluation exceeded 5000 ms while the rules got 300 ms "
                        + "of CPU: the service is overloaded", null, true)}) {
            Response r = map(e);
            assertEquals(503, r.getStatus(), e.getMessage());
            assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
            assertEquals(String.valueOf(Problem.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
            Problem p = (Problem) r.getEntity();
            assertEquals("Service busy", p.title());
            assertTrue(p.detail().startsWith(e.getMessage()), p.detail());
        }
    }

    @Test
    void theRulesOwnLimitsStay422() {
        for (RuleExecutionException e : new RuleExecutionException[] {
                new RuleExecutionException(Reason.STEP_LIMIT, "a rule exceeded its budget of 10000000 steps", null),
                new RuleExecutionException(Reason.FIRING_LIMIT, "rule set exceeded 10000 firings", null),
                new RuleExecutionException(Reason.TIME_LIMIT, "a rule exceeded the time limit of 5000 ms", null, false)}) {
            Response r = map(e);
            assertEquals(422, r.getStatus(), e.getMessage());
            assertNull(r.getHeaderString("Retry-After"));
            assertEquals(e.getMessage(), ((Problem) r.getEntity()).detail());
        }
    }
}
