package dev.policygate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets from files: for any property, an environment variable named like the property's environment form with
 * {@code _FILE} appended (e.g. {@code QUARKUS_DATASOURCE_PASSWORD_FILE=/run/secrets/policygate-db/password}) gives
 * the path of a file that holds its value (a Kubernetes Secret volume). The secret then never sits in the process
 * environment, where anything that can read {@code /proc/self/environ} would find it. Ranks above the environment.
 */
public final class SecretFilesConfigSource implements ConfigSource {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String getValue(String propertyName) {
        String env = propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT) + "_FILE";
        String file = System.getenv(env);
        if (file == null || file.isBlank()) {
            return null;
        }
        return values.computeIfAbsent(file, f -> {
            try {
                return Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(env + " names " + f + ", which cannot be read", e);
            }
        });
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public int getOrdinal() {
        return 310;
    }

    @Override
    public String getName() {
        return "policygate-secret-files";
    }
}
