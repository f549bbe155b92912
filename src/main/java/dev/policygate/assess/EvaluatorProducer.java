package dev.policygate.assess;

import dev.policygate.rules.RuleEvaluator;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one bounded rule evaluator of the service: its firing and time limits come from configuration. */
public class EvaluatorProducer {
    @Produces
    @Singleton
    RuleEvaluator evaluator(@ConfigProperty(name = "policygate.evaluation.max-firings") int maxFirings,
                            @ConfigProperty(name = "policygate.evaluation.timeout") Duration timeout,
                            @ConfigProperty(name = "policygate.evaluation.queue") int queue) {
        return new RuleEvaluator(maxFirings, timeout, Runtime.getRuntime().availableProcessors(), queue);
    }

    void close(@Disposes RuleEvaluator evaluator) {
        evaluator.close();
    }
}
