package dev.policygate.assess;

import dev.policygate.rules.RuleEvaluator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Gauges of both rule evaluators (tag {@code pool}: assessment, authoring), registered once at start: evaluations
 * queued for a worker, and workers stuck past the time limit in rule code that ignores it.
 */
@ApplicationScoped
public class EvaluatorMetrics {
    @Inject
    MeterRegistry metrics;
    @Inject
    RuleEvaluator assessment;
    @Inject
    @Authoring
    RuleEvaluator authoring;

    void register(@Observes StartupEvent event) {
        register("assessment", assessment);
        register("authoring", authoring);
    }

    private void register(String pool, RuleEvaluator evaluator) {
        Gauge.builder("policygate.evaluator.queue.depth", evaluator, RuleEvaluator::queueDepth)
                .description("Evaluations waiting for a rule worker").tag("pool", pool).register(metrics);
        Gauge.builder("policygate.evaluator.stuck.workers", evaluator, RuleEvaluator::stuckWorkers)
                .description("Rule workers still running past the evaluation time limit").tag("pool", pool)
                .register(metrics);
    }
}
