package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Ingestor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A policy sent as one 2 MB line (no line breaks at all) is extracted in time linear in its length: per-sentence
 * searches back to the start of the line made this quadratic (16 s of CPU for 600 k characters). The bound is
 * far above the linear time (well under a second idle) and far below the quadratic one.
 */
class LongSingleLinePolicyTest {
    @Test
    void twoMegabyteSingleLinePolicyIsExtractedInBoundedTime() {
        String one = Corpus.read(Corpus.government().get(1)).replace('\n', ' ').replace('\r', ' ');
        StringBuilder b = new StringBuilder();
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < 2_000_000 - one.length() * 3) {
            b.append(one);
        }
        String text = b.toString();
        assertFalse(text.contains("\n"));
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length > 1_900_000, "size");
        List<Fact> facts = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new FactExtractor().extract(new Ingestor().ingestText(text)));
        assertFalse(facts.isEmpty(), "facts are still found");
    }
}
