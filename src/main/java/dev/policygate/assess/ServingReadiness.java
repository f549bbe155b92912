package dev.policygate.assess;

import dev.policygate.persistence.RuleSetService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready means ready: UP only once the active rule set is compiled and the built-in sample policy has gone through
 * extraction, evaluation and the JSON writer until the code paths are compiled by the JIT, so that the first real
 * request meets the same time limit as the thousandth. (A version activated later is compiled and warmed before
 * this replica switches to it, see {@link RuleSetService#refreshActive()}; until then the old one serves.)
 */
@Readiness
@ApplicationScoped
public class ServingReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ServingReadiness.class);
    /** The sample policy is short: a few rounds leave the extractor's loops interpreted. */
    private static final int MIN_ROUNDS = 10;

    @Inject
    RuleSetService ruleSets;
    @Inject
    AssessmentService assessments;
    @ConfigProperty(name = "policygate.warm-up.max-rounds")
    int maxRounds;

    private volatile boolean warm;
    private volatile String warmUpSummary = "not started";

    /** After the rule packs are stored and activated (RulePackBootstrap observes at the default priority). */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        warmUp();
    }

    /**
     * Rehearses whole assessments until a round is no slower than 1.5 times the fastest so far (after at least
     * {@link #MIN_ROUNDS} rounds), or {@code maxRounds}; a failing rehearsal is logged and readiness stays DOWN.
     */
    void warmUp() {
        long t0 = System.nanoTime();
        long fastest = Long.MAX_VALUE;
        int rounds = 0;
        long last = 0;
        try {
            int version = ruleSets.activeVersion();
            while (rounds < maxRounds) {
                long r0 = System.nanoTime();
                assessments.rehearse(version);
                last = System.nanoTime() - r0;
                fastest = Math.min(fastest, last);
                rounds++;
                if (rounds >= Math.min(MIN_ROUNDS, maxRounds) && last <= fastest * 3 / 2) {
                    break;
                }
            }
            warmUpSummary = String.format("rule-set version %d, %d rehearsal(s) in %d ms, last %d ms", version, rounds,
                    (System.nanoTime() - t0) / 1_000_000, last / 1_000_000);
            warm = true;
            LOG.infof("Warmed up: %s", warmUpSummary);
        } catch (RuntimeException e) {
            warmUpSummary = "failed: " + e.getMessage();
            LOG.errorf(e, "Warm-up failed; readiness stays DOWN");
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warmed-up").status(warm).withData("warmUp", warmUpSummary).build();
    }
}
