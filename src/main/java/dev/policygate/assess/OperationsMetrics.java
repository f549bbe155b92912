package dev.policygate.assess;

import dev.policygate.report.Gate;
import dev.policygate.rules.RuleEvaluator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Meters for operators, registered once at start (so a scrape shows them at zero before the first request): per
 * rule evaluator (tag {@code pool}: assessment, authoring) the evaluations queued for a worker and the workers
 * stuck past the time limit in rule code that ignores it; and the gate's decisions (tag {@code decision}).
 */
@ApplicationScoped
public class OperationsMetrics {
    @Inject
    MeterRegistry metrics;
    @Inject
    RuleEvaluator assessment;
    @Inject
    @Authoring
    RuleEvaluator authoring;
    private final Map<Gate.Decision, Counter> gateDecisions = new EnumMap<>(Gate.Decision.class);

    void register(@Observes StartupEvent event) {
        register("assessment", assessment);
        register("authoring", authoring);
        for (Gate.Decision d : Gate.Decision.values()) {
            gateDecisions.put(d, Counter.builder("policygate.gate.decisions").description("Decisions of POST /gate")
                    .tag("decision", d.name().toLowerCase(Locale.ROOT)).register(metrics));
        }
    }

    public void gateDecided(Gate.Decision decision) {
        gateDecisions.get(decision).increment();
    }

    private void register(String pool, RuleEvaluator evaluator) {
        Gauge.builder("policygate.evaluator.queue.depth", evaluator, RuleEvaluator::queueDepth)
                .description("Evaluations waiting for a rule worker").tag("pool", pool).register(metrics);
        Gauge.builder("policygate.evaluator.stuck.workers", evaluator, RuleEvaluator::stuckWorkers)
                .description("Rule workers still running past the evaluation time limit").tag("pool", pool)
                .register(metrics);
    }
}
