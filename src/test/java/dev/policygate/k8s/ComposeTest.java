package dev.policygate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against what the application reads: every variable it sets is one application.properties
 * reads, every production setting and secret is set, secrets come from .env (never written in the file), and the
 * database the service connects to is the one the db service creates.
 */
class ComposeTest {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern REQUIRED_FROM_DOT_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");

    static JsonNode compose;
    static Map<String, String> appEnv;
    static Map<String, String> dbEnv;
    static String properties;

    @BeforeAll
    static void read() throws Exception {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Kustomize.ROOT.resolve("docker-compose.yml").toFile());
        appEnv = env("policygate");
        dbEnv = env("db");
        properties = Files.readString(Kustomize.ROOT.resolve("src/main/resources/application.properties"));
    }

    private static Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        compose.at("/services/" + service + "/environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertTrue(!env.isEmpty(), service + " has an environment map");
        return env;
    }

    /** The environment variables a set of application.properties lines reads through ${NAME:default}. */
    private static Set<String> readBy(java.util.function.Predicate<String> line) {
        Set<String> names = new TreeSet<>();
        properties.lines().filter(l -> !l.startsWith("#")).filter(line).forEach(l -> {
            Matcher m = ENV_REFERENCE.matcher(l);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    @Test
    void everyVariableTheServiceSetsIsOneTheApplicationReads() {
        Set<String> read = readBy(l -> true);
        Set<String> unknown = new TreeSet<>(appEnv.keySet());
        unknown.removeAll(read);
        assertEquals(Set.of(), unknown, "application.properties reads " + read);
    }

    @Test
    void theProductionSettingsAndEverySecretTheGuardRequiresAreSetFromDotEnv() {
        Set<String> required = readBy(l -> l.startsWith("%prod.") || l.startsWith("policygate.users."));
        assertTrue(required.containsAll(Set.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
                "POLICYGATE_ADMIN_PASSWORD")), required.toString());
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(appEnv.keySet());
        assertEquals(Set.of(), missing, "docker-compose.yml leaves them to their development defaults");
        appEnv.forEach((name, value) -> {
            if (name.endsWith("PASSWORD") || name.endsWith("KEY")) {
                assertTrue(REQUIRED_FROM_DOT_ENV.matcher(value).matches(),
                        name + " must come from .env as ${VAR:?message}, not " + value);
            }
        });
        assertTrue(REQUIRED_FROM_DOT_ENV.matcher(dbEnv.get("POSTGRES_PASSWORD")).matches());
    }

    @Test
    void theServiceUsesTheDatabaseTheDbServiceCreates() {
        assertTrue(compose.at("/services/db/image").asText().matches("postgres:1[56](\\..*)?"),
                compose.at("/services/db/image").asText());
        assertEquals("jdbc:postgresql://db:5432/" + dbEnv.get("POSTGRES_DB"), appEnv.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(dbEnv.get("POSTGRES_USER"), appEnv.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(dbEnv.get("POSTGRES_PASSWORD"), appEnv.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals("service_healthy", compose.at("/services/policygate/depends_on/db/condition").asText());
        assertTrue(compose.at("/services/policygate/ports").toString().contains("8080:8080"));
    }

    @Test
    void theReadmeShowsHowToCreateEveryVariableDotEnvMustHold() throws Exception {
        String readme = Files.readString(Kustomize.ROOT.resolve("README.md"));
        Set<String> fromDotEnv = new TreeSet<>();
        Matcher m = REQUIRED_FROM_DOT_ENV.matcher(Files.readString(Kustomize.ROOT.resolve("docker-compose.yml")));
        while (m.find()) {
            fromDotEnv.add(m.group(1));
        }
        assertTrue(fromDotEnv.size() >= 5, fromDotEnv.toString());
        for (String name : fromDotEnv) {
            assertTrue(readme.contains(name + "="), "README's .env recipe sets " + name);
        }
    }
}
