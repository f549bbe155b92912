package dev.policygate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.policygate.report.Waiver;
import dev.policygate.report.Waivers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The project file {@code .policygate.yaml}: the waivers of the policies below its directory.
 * <pre>
 * waivers:
 *   - obligation: CONTACT
 *     files: "policies/*.txt"   # optional glob, relative to this file; without a slash: the file name
 *     app: "com.example.*"      # optional glob over the app ID or the title
 *     reason: DPO mailbox is being set up
 *     owner: privacy@example.com
 *     expires: 2027-01-31       # the last day the waiver holds
 * </pre>
 */
record ProjectConfig(List<Waiver> waivers) {
    static final String FILE_NAME = ".policygate.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The nearest {@code .policygate.yaml} in the directory of {@code checked} or above it, or null. */
    static Path find(Path checked) {
        Path dir = checked.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Reads a project file; IllegalArgumentException names the file and what is wrong in it. */
    static Waivers waivers(Path file, LocalDate today) {
        ProjectConfig config;
        try {
            config = YAML.readValue(file.toFile(), ProjectConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            return new Waivers(config == null ? List.of() : config.waivers(),
                    file.toAbsolutePath().normalize().getParent(), today);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
