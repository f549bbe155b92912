package dev.policygate.assess;

import dev.policygate.rules.RuleEvaluator;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's bounded rule evaluators, limits from configuration: one for assessments (a worker per core), and a
 * small one for rule authors' validations and previews, so that authors cannot starve assessments.
 */
public class EvaluatorProducer {
    @ConfigProperty(name = "policygate.evaluation.max-firings")
    int maxFirings;
    @ConfigProperty(name = "policygate.evaluation.timeout")
    Duration timeout;
    @ConfigProperty(name = "policygate.evaluation.max-steps")
    long maxSteps;
    @ConfigProperty(name = "policygate.evaluation.max-allocation-mb")
    long maxAllocationMb;

    @Produces
    @Singleton
    RuleEvaluator evaluator(@ConfigProperty(name = "policygate.evaluation.queue") int queue) {
        return new RuleEvaluator(maxFirings, timeout, maxSteps, maxAllocationMb * 1024 * 1024,
                Runtime.getRuntime().availableProcessors(), queue);
    }

    @Produces
    @Singleton
    @Authoring
    RuleEvaluator authoringEvaluator(@ConfigProperty(name = "policygate.authoring.workers") int workers,
                                     @ConfigProperty(name = "policygate.authoring.queue") int queue) {
        return new RuleEvaluator(maxFirings, timeout, maxSteps, maxAllocationMb * 1024 * 1024, workers, queue);
    }

    void close(@Disposes RuleEvaluator evaluator) {
        evaluator.close();
    }

    void closeAuthoring(@Disposes @Authoring RuleEvaluator evaluator) {
        evaluator.close();
    }
}
