package dev.policygate.assess;

import dev.policygate.rules.RuleEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once rule workers stuck in consequences that ignore the time limit are more than the evaluator replaces:
 * Java cannot stop those threads, so only a restart gives their cores back.
 */
@Liveness
@ApplicationScoped
public class RuleEvaluatorLiveness implements HealthCheck {
    @Inject
    RuleEvaluator evaluator;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rule-evaluator")
                .status(!evaluator.workersExhausted())
                .withData("stuckWorkers", evaluator.stuckWorkers())
                .build();
    }
}
