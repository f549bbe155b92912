package dev.policygate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.rules.Obligation;
import dev.policygate.rules.RulePack;
import dev.policygate.rules.RulePackLoader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packs from disk: the same content is stored once; changed content becomes a new version, never an overwrite. */
@QuarkusTest
class RuleSetStorageTest {
    @Inject
    RuleSetService ruleSets;

    @Test
    void aChangedPackOnDiskBecomesANewVersionAndTheOldOneStaysIntact() {
        RulePack onDisk = RulePackLoader.load(Path.of("rules"));
        RuleSetVersion same = ruleSets.storePack(onDisk, false);
        assertEquals(same.version, ruleSets.storePack(onDisk, false).version, "same content, same version");

        List<Obligation> changed = new ArrayList<>(onDisk.obligations());
        Obligation o = changed.get(0);
        changed.set(0, new Obligation(o.id(), o.titleZh() + "（修订）", o.titleEn() + " (revised)", o.area(), o.pack(),
                o.severity(), o.conditional(), o.legalBasis(), o.drl(), o.tests()));
        int active = ruleSets.activeVersion();
        RuleSetVersion next = ruleSets.storePack(new RulePack(changed, onDisk.scoring()), false);
        assertNotEquals(same.version, next.version);
        assertEquals(active, ruleSets.activeVersion(), "not activated when activate-disk-changes is off");

        RuleSetVersion before = ruleSets.version(same.version);
        RuleSetVersion after = ruleSets.version(next.version);
        ObligationRevision oldRevision = before.revisions.stream().filter(r -> r.obligationId.equals(o.id())).findFirst().orElseThrow();
        ObligationRevision newRevision = after.revisions.stream().filter(r -> r.obligationId.equals(o.id())).findFirst().orElseThrow();
        assertEquals(o.titleZh(), oldRevision.titleZh, "the old version keeps its revision");
        assertTrue(newRevision.revision > oldRevision.revision);
        ObligationRevision untouchedOld = before.revisions.get(1);
        ObligationRevision untouchedNew = after.revisions.get(1);
        assertEquals(untouchedOld.id, untouchedNew.id, "unchanged obligations share their revision");
    }
}
