package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.ingest.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorIndexTest {

    /** What the automaton should say: bit i set exactly when the text contains anchor i. */
    private static long[] expected(List<String> anchors, String text) {
        long[] bits = new long[(anchors.size() + 63) >>> 6];
        for (int i = 0; i < anchors.size(); i++) {
            if (text.contains(anchors.get(i))) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    @Test
    void everyAnchorOfTheExtractorsIsFoundExactlyWhereItStands() {
        new FactExtractor(); // loads every extractor, so their patterns register their anchors
        List<String> texts = new ArrayList<>(List.of("", "a", "个人信息个人信息", "30天内"));
        for (Path p : ExtractBCorpus.files()) {
            Document d = ExtractBCorpus.load(p);
            d.sentences().forEach(s -> texts.add(s.text()));
            texts.add(d.normalizedText());
        }
        List<String> anchors = AnchorIndex.registered();
        assertTrue(anchors.size() > 1000, "anchors: " + anchors.size());
        int found = 0;
        for (String t : texts) {
            long[] want = expected(anchors, t);
            long[] got = AnchorIndex.present(t);
            assertArrayEquals(want, java.util.Arrays.copyOf(got, want.length), "in: " + t);
            found += java.util.Arrays.stream(want).map(Long::bitCount).sum();
        }
        assertTrue(found > 10_000, "anchors found in the corpus: " + found);
    }

    @Test
    void aScopeRemembersAStringAndForgetsItWhenNewAnchorsArrive() {
        String text = "我们会在本页面上发布对本政策所做的任何变更，并以弹窗形式通知您。";
        try (AnchorIndex.Scope scope = AnchorIndex.open()) {
            assertTrue(Rx.of("弹窗|站内信").find(text));
            long[] first = AnchorIndex.present(text);
            assertTrue(first == AnchorIndex.present(text), "the same string is scanned once in a scope");
            // a pattern made inside the scope, with an anchor no other pattern has: the scope's answers so far
            // were made without it, and must not be reused for it
            Rx late = Rx.withAnchors("页面上发布对本政策[^。]*", "页面上发布对本政策");
            assertTrue(late.find(text));
            assertFalse(Rx.withAnchors("本政策不适用于[^。]*", "本政策不适用于").find(text));
        }
        // outside a scope nothing is kept: each call scans again
        assertNotSame(AnchorIndex.present(text), AnchorIndex.present(text));
    }
}
