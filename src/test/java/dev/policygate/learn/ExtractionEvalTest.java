package dev.policygate.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygate.facts.Area;
import dev.policygate.facts.Fact;
import dev.policygate.facts.SecurityMeasure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the yardstick locates labelled sentences and counts a sentence as detected. */
class ExtractionEvalTest {
    @TempDir
    Path dir;

    private LabelledPolicy policy() throws IOException {
        Files.writeString(dir.resolve("p.jsonl"), String.join("\n",
                "{\"text\": \"一、安全\", \"labels\": []}",
                "{\"text\": \"我们  使用加密技术保护您的信息。\", \"labels\": [\"安全措施\", \"摘要\"]}",
                "{\"text\": \"我们会在发生安全事件后通知您。\", \"labels\": [\"安全措施\"]}",
                "{\"text\": \"我们收集您的手机号码。\", \"labels\": [\"数据收集\", \"使用\"]}",
                ""), StandardCharsets.UTF_8);
        return LabelledPolicy.readAll(dir).get(0);
    }

    @Test
    void sentencesAreLocatedInTheNormalisedDocument() throws IOException {
        LabelledPolicy p = policy();
        assertEquals(4, p.size());
        assertEquals("我们 使用加密技术保护您的信息。",
                p.document().normalizedText().substring(p.starts()[1], p.ends()[1]));
        assertEquals(List.of(java.util.Set.of(), java.util.Set.of(Area.SECURITY), java.util.Set.of(Area.SECURITY),
                java.util.Set.of(Area.COLLECTION)), p.areas());
        assertEquals(2, p.sentenceAt(p.starts()[2]));
        assertEquals(1, p.sentenceAt(p.ends()[1]));
    }

    @Test
    void aSentenceIsDetectedWhenAFactOfItsAreaCitesIt() throws IOException {
        LabelledPolicy p = policy();
        // cites sentence 1 (right) and the heading 0 (wrong); sentence 2 and the collection sentence are missed
        Fact security = new SecurityMeasure(SecurityMeasure.Kind.ENCRYPTION,
                List.of(p.document().cite(p.starts()[0], p.starts()[1] + 4)));
        AreaScores s = ExtractionEval.score(p, List.of(security), LabelAgreement.of(List.of(p))).all();
        assertEquals(1, s.truePositives(Area.SECURITY));
        assertEquals(1, s.falsePositives(Area.SECURITY));
        assertEquals(1, s.falseNegatives(Area.SECURITY));
        assertEquals(0.5, s.precision(Area.SECURITY));
        assertEquals(0.5, s.recall(Area.SECURITY));
        assertEquals(1, s.falseNegatives(Area.COLLECTION));
        assertEquals(0.0, s.f1(Area.COLLECTION));
        assertEquals(0.05, s.macroF1(), 1e-9);
    }

    @Test
    void inParagraphsFinishedSentencesRunOnButHeadingsAndItemsStartTheirLines() throws IOException {
        Files.writeString(dir.resolve("p.jsonl"), String.join("\n",
                "{\"text\": \"一、我们如何共享您的信息\", \"labels\": []}",
                "{\"text\": \"我们不会共享您的个人信息。\", \"labels\": [\"共享、委托、转让、公开（披露）\"]}",
                "{\"text\": \"我们会事先征得您的同意，以下情形除外：\", \"labels\": []}",
                "{\"text\": \"1.与国家安全直接相关的；\", \"labels\": []}",
                "{\"text\": \"• 与刑事侦查直接相关的。\", \"labels\": []}",
                "{\"text\": \"我们会要求接收方保护您的信息。\", \"labels\": []}",
                "{\"text\": \"二、我们如何保护您的信息\", \"labels\": []}",
                "{\"text\": \"我们使用加密技术。\", \"labels\": [\"安全措施\"]}",
                ""), StandardCharsets.UTF_8);
        LabelledPolicy p = LabelledPolicy.readAll(dir).get(0).inParagraphs();
        assertEquals(String.join("\n", "一、我们如何共享您的信息", "我们不会共享您的个人信息。我们会事先征得您的同意，以下情形除外：",
                "1.与国家安全直接相关的；", "• 与刑事侦查直接相关的。我们会要求接收方保护您的信息。", "二、我们如何保护您的信息",
                "我们使用加密技术。"), p.document().normalizedText().strip());
        // the heading after a finished sentence still opens its section
        assertEquals(List.of("一、我们如何共享您的信息", "二、我们如何保护您的信息"),
                p.document().sections().stream().map(dev.policygate.ingest.Section::path).toList());
        assertEquals("我们使用加密技术。", p.document().normalizedText().substring(p.starts()[7], p.ends()[7]));
    }

    @Test
    void aDirectoryWithoutLabelledPoliciesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LabelledPolicy.readAll(dir));
    }

    @Test
    void aFileThatIsNotUtf8OrNotJsonLinesIsNamedInTheError() throws IOException {
        Files.write(dir.resolve("gbk.jsonl"), "{\"text\": \"我们收集您的姓名。\", \"labels\": []}\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledPolicy.readAll(dir));
        assertEquals(dir.resolve("gbk.jsonl") + ": not UTF-8 text", e.getMessage());
        Files.delete(dir.resolve("gbk.jsonl"));
        Files.writeString(dir.resolve("cut.jsonl"), "{\"text\": \"我们收集您的姓名。\", \"labels\": [\n",
                StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> LabelledPolicy.readAll(dir));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(dir.resolve("cut.jsonl") + ":1: not JSON ("),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void labelAgreementComparesTheAnnotationsOfTheSameSentenceInDifferentPolicies() throws IOException {
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
                "{\"text\": \"我们使用加密技术保护您的个人信息。\", \"labels\": [\"安全措施\"]}",
                "{\"text\": \"如您对本政策有任何疑问，请联系我们。\", \"labels\": [\"联系方式\"]}",
                "{\"text\": \"一、安全\", \"labels\": [\"安全措施\"]}", ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.jsonl"), String.join("\n",
                "{\"text\": \"我们使用加密技术保护您的个人信息。\", \"labels\": [\"安全措施\", \"存储方式\"]}",
                "{\"text\": \"如您对本政策有任何疑问，请联系我们。\", \"labels\": []}",
                "{\"text\": \"一、安全\", \"labels\": []}", ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("c.jsonl"), String.join("\n",
                "{\"text\": \"我们使用加密技术保护您的个人信息。\", \"labels\": [\"安全措施\"]}", ""),
                StandardCharsets.UTF_8);
        LabelAgreement agreement = LabelAgreement.of(LabelledPolicy.readAll(dir));
        // the encryption sentence: three pairs (a-b, a-c, b-c); the contact sentence: one pair; the short heading: none
        assertEquals(4, agreement.pairs());
        assertEquals(3, agreement.scores().truePositives(Area.SECURITY));
        assertEquals(1.0, agreement.scores().f1(Area.SECURITY));
        // storage: given by b only, against a and c
        assertEquals(0, agreement.scores().truePositives(Area.STORAGE));
        assertEquals(2, agreement.scores().falsePositives(Area.STORAGE) + agreement.scores().falseNegatives(Area.STORAGE));
        // contact: given in a, not in b
        assertEquals(1, agreement.scores().falsePositives(Area.CONTACT) + agreement.scores().falseNegatives(Area.CONTACT));
        assertEquals(0.0, agreement.scores().f1(Area.CONTACT));
        // disputed: the areas some copies give and others do not
        assertEquals(java.util.Set.of(Area.STORAGE), agreement.disputed(" 我们使用加密技术保护您的个人信息。"));
        assertEquals(java.util.Set.of(Area.CONTACT), agreement.disputed("如您对本政策有任何疑问，请联系我们。"));
        assertEquals(java.util.Set.of(), agreement.disputed("一、安全"));
        // a's sentences with nothing found: the contact sentence is a miss over all sentences, left out of the
        // undisputed ones; the encryption sentence's security (given by every copy) counts in both
        LabelledPolicy a = LabelledPolicy.readAll(dir).get(0);
        ExtractionEval.Scores s = ExtractionEval.score(a, List.of(), agreement);
        assertEquals(1, s.all().falseNegatives(Area.CONTACT));
        assertEquals(0, s.undisputed().falseNegatives(Area.CONTACT));
        assertEquals(2, s.all().falseNegatives(Area.SECURITY));
        assertEquals(2, s.undisputed().falseNegatives(Area.SECURITY));
    }

    @Test
    void theSameSentenceIsItsWordsWithoutListNumbersAndWithDigitsAlike() {
        assertEquals(LabelAgreement.sameSentence("1、我们的服务模式发生重大变化。"),
                LabelAgreement.sameSentence("(1) 我们的服务模式发生重大变化。"));
        assertEquals(LabelAgreement.sameSentence("● 我们的服务模式发生重大变化。"),
                LabelAgreement.sameSentence("（六）我们的服务模式发生重大变化。"));
        assertEquals(LabelAgreement.sameSentence("更新日期：2022年6月17日"),
                LabelAgreement.sameSentence("更新日期： 2021年1月13日"));
        // the words still count: a number inside the sentence is not a list mark
        org.junit.jupiter.api.Assertions.assertNotEquals(LabelAgreement.sameSentence("我们会在15天内回复。"),
                LabelAgreement.sameSentence("我们会在15个工作日内回复。"));
        assertEquals("我们会在00天内回复。", LabelAgreement.sameSentence("我们会在15天内回复。"));
    }
}
