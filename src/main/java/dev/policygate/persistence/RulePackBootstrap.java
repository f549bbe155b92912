package dev.policygate.persistence;

import dev.policygate.rules.RulePackLoader;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** At start-up, stores the packs under {@code policygate.rules-dir} as a rule-set version (once per content). */
@ApplicationScoped
public class RulePackBootstrap {
    private static final Logger LOG = Logger.getLogger(RulePackBootstrap.class);

    @Inject
    RuleSetService ruleSets;
    @ConfigProperty(name = "policygate.rules-dir")
    Path rulesDir;
    @ConfigProperty(name = "policygate.rules.activate-disk-changes")
    boolean activateDiskChanges;

    void onStart(@Observes StartupEvent event) {
        if (!Files.isDirectory(rulesDir)) {
            throw new IllegalStateException("Rule packs not found at " + rulesDir.toAbsolutePath()
                    + "; set policygate.rules-dir (env POLICYGATE_RULES_DIR) to the rules/ directory.");
        }
        RuleSetVersion v = ruleSets.storePack(RulePackLoader.load(rulesDir), activateDiskChanges);
        LOG.infof("Rule packs at %s are rule-set version %d; active version is %d", rulesDir.toAbsolutePath(),
                v.version, ruleSets.refreshActive());
    }
}
