package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Citation;
import dev.policygate.facts.DocumentSection;
import dev.policygate.facts.Fact;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which stopped evaluations are the load's fault (503 and retry) and which the rules' (422): a worker that waits
 * instead of computing, or no free worker, is load; rules that use up their budget themselves are not.
 */
class LoadCausedFailuresTest {
    /** A fact whose citations take a while to read on the worker: the worker waits instead of computing, as a starved one does. */
    record WaitingFact(long millis, CountDownLatch entered) implements Fact {
        @Override
        public List<Citation> citations() {
            entered.countDown();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    private static List<Fact> waiting(long millis, CountDownLatch entered) {
        // two facts, so that ordering them reads the citations on the worker
        return List.of(new WaitingFact(millis, entered), RuleEngineTest.handler(1));
    }

    @Test
    void timeLimitReachedWithoutUsingTheCpuIsLoad() {
        CompiledRuleSet rs = RuleEngineTest.compile(RuleEngineTest.ob("ONE", false, RuleEngineTest.ALWAYS_MET));
        try (RuleEvaluator evaluator = new RuleEvaluator(1000, Duration.ofMillis(400), 1, 1)) {
            RuleExecutionException e = assertThrows(RuleExecutionException.class,
                    () -> evaluator.evaluate(rs, waiting(2000, new CountDownLatch(1))));
            assertEquals(RuleExecutionException.Reason.TIME_LIMIT, e.reason(), e.getMessage());
            assertTrue(e.causedByLoad(), e.getMessage());
            assertTrue(e.getMessage().startsWith("evaluation exceeded 400 ms while the rules got "), e.getMessage());
            assertTrue(e.getMessage().endsWith("ms of CPU: the service is overloaded"), e.getMessage());
        }
    }

    @Test
    void rulesThatBurnTheirStepBudgetAreNotLoad() {
        CompiledRuleSet rs = RuleEngineTest.compile(RuleEngineTest.ob("SLOW", false, RuleEngineTest.BURNING));
        List<Fact> facts = List.of(new DocumentSection("一", "一", 1, 0, 5, List.of()));
        try (RuleEvaluator evaluator = new RuleEvaluator(1000, Duration.ofSeconds(30), 2_000_000,
                RuleEvaluator.DEFAULT_MAX_ALLOCATION, 1, 1)) {
            RuleExecutionException e = assertThrows(RuleExecutionException.class, () -> evaluator.evaluate(rs, facts));
            assertEquals(RuleExecutionException.Reason.STEP_LIMIT, e.reason(), e.getMessage());
            assertFalse(e.causedByLoad(), e.getMessage());
        }
    }

    @Test
    void noFreeWorkerAndNoRoomInTheQueueIsOverloaded() throws Exception {
        CompiledRuleSet rs = RuleEngineTest.compile(RuleEngineTest.ob("ONE", false, RuleEngineTest.ALWAYS_MET));
        try (RuleEvaluator evaluator = new RuleEvaluator(1000, Duration.ofSeconds(10), 1, 1)) {
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<Evaluation> busy = CompletableFuture.supplyAsync(
                    () -> evaluator.evaluate(rs, waiting(3000, running)));
            assertTrue(running.await(10, TimeUnit.SECONDS), "the first evaluation runs");
            CompletableFuture<Evaluation> queued = CompletableFuture.supplyAsync(
                    () -> evaluator.evaluate(rs, List.of(RuleEngineTest.handler(1))));
            Thread.sleep(500); // the second one takes the only place in the queue while the first still runs
            RuleExecutionException e = assertThrows(RuleExecutionException.class,
                    () -> evaluator.evaluate(rs, List.of(RuleEngineTest.handler(1))));
            assertFalse(busy.isDone(), "the first evaluation still runs");
            assertEquals(RuleExecutionException.Reason.OVERLOADED, e.reason(), e.getMessage());
            assertTrue(e.causedByLoad(), e.getMessage());
            assertEquals(1, busy.get(10, TimeUnit.SECONDS).findings().size(), "the running evaluation completes");
            assertEquals(1, queued.get(10, TimeUnit.SECONDS).findings().size(), "the queued evaluation completes");
        }
    }
}
