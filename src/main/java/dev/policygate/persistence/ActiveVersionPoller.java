package dev.policygate.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps this replica on the active rule-set version when another replica activates one: polls the database,
 * precompiling new versions before they are activated so that the switch takes one poll interval.
 */
@ApplicationScoped
public class ActiveVersionPoller {
    private static final Logger LOG = Logger.getLogger(ActiveVersionPoller.class);

    @Inject
    RuleSetService ruleSets;
    @ConfigProperty(name = "policygate.rules.poll-interval")
    Duration interval;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-set-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void poll() {
        try {
            ruleSets.precompileLatest();
            ruleSets.refreshActive();
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the active rule-set version: %s", e.getMessage());
        }
    }
}
