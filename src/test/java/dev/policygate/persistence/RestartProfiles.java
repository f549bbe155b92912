package dev.policygate.persistence;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Two profiles on the same H2 file: two test classes with different profile classes make Quarkus stop the
 * first application and start a second one on the same database, which is what a restart is. Quarkus runs
 * test classes grouped by profile in the order of the profile class names, so FirstStart runs first.
 */
final class RestartProfiles {
    static final Path DB_DIR = Path.of("target", "restart-data");
    static final Path WRITTEN = DB_DIR.resolve("written.txt");

    private RestartProfiles() {
    }

    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:./" + DB_DIR + "/policygate;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    public static class SecondStart extends FirstStart {
    }
}
