package dev.policygate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules directory reached through a symbolic link (e.g. a deployment that links rules/ to a checkout) loads. */
class RulePackSymlinkTest {
    @Test
    void aSymlinkedRulesDirectoryLoadsTheSamePacks(@TempDir Path tmp) throws Exception {
        Path rules = Path.of("rules").toAbsolutePath();
        Path link = Files.createSymbolicLink(tmp.resolve("rules-link"), rules);
        RulePack direct = RulePackLoader.load(rules);
        RulePack linked = RulePackLoader.load(link);
        assertTrue(direct.obligations().size() >= 40, "the shipped packs");
        assertEquals(direct.obligations(), linked.obligations());
        assertEquals(direct.scoring(), linked.scoring());
    }

    @Test
    void aSymlinkedPackInsideLoadsToo(@TempDir Path tmp) throws Exception {
        Path rules = Path.of("rules").toAbsolutePath();
        Path copy = Files.createDirectory(tmp.resolve("rules"));
        Files.copy(rules.resolve("scoring.yaml"), copy.resolve("scoring.yaml"));
        try (var packs = Files.list(rules)) {
            for (Path pack : packs.filter(Files::isDirectory).toList()) {
                Files.createSymbolicLink(copy.resolve(pack.getFileName()), pack);
            }
        }
        assertEquals(RulePackLoader.load(rules).obligations(), RulePackLoader.load(copy).obligations());
    }
}
