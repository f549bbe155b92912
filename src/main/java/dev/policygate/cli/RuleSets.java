package dev.policygate.cli;

import dev.policygate.rules.RulePack;
import dev.policygate.rules.RulePackLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the CLI's rules come from: {@code --rules DIR}, else POLICYGATE_RULES_DIR, else the packs built into the jar. */
final class RuleSets {
    static final String EMBEDDED = "policygate/rules/";

    private RuleSets() {
    }

    static RulePack load(Path dir) {
        Path root = dir;
        if (root == null) {
            String env = System.getenv("POLICYGATE_RULES_DIR");
            if (env != null && !env.isBlank()) {
                root = Path.of(env);
            }
        }
        if (root != null) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("Rule directory " + root + " does not exist.");
            }
            return RulePackLoader.load(root);
        }
        return RulePackLoader.load(embedded());
    }

    /** The rules/ directory copied into the jar (or target/classes) at build time. */
    static Path embedded() {
        URL url = RuleSets.class.getClassLoader().getResource(EMBEDDED + "scoring.yaml");
        if (url == null) {
            throw new IllegalStateException("No rules built into this CLI; give --rules DIR.");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + EMBEDDED);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the built-in rules at " + url, e));
        }
    }
}
