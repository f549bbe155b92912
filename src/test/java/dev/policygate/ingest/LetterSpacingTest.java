package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygate.Corpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterSpacingTest {
    private static final Ingestor INGESTOR = new Ingestor();

    /** Every line with a space between every two of its characters, as a letter-spacing PDF tool writes it. */
    static String letterSpaced(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                out.append(i > 0 ? " " : "").append(line.charAt(i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void aLetterSpacedPolicyIsReadAsItsOriginal() {
        List<Path> policies = Corpus.all();
        assertEquals(38, policies.size());
        for (Path p : policies) {
            String text = Corpus.read(p);
            // a space of the original becomes three, a word gap that stays: the document is the same
            assertEquals(INGESTOR.ingestText(text), INGESTOR.ingestText(letterSpaced(text)), p.toString());
            assertEquals(text, LetterSpacing.close(text), "no line of " + p + " is letter-spaced");
        }
    }

    @Test
    void tableCellsOneSpaceApartAndStraySpacesStay() {
        String rows = "第三方名称 使用目的 收集的信息\n极光推送 消息推送 设备标识符\n我们 会收集您的手机号码。";
        assertEquals(rows, LetterSpacing.close(rows));
        String policy = "本政策更新于2024年1月1日，适用于示例 App。\n二、我们如何收集信息\n注册时，我们会收集您的手机号码。";
        assertEquals(policy, INGESTOR.ingestText(letterSpaced(policy)).normalizedText());
        String oneLine = "我 们 会 收 集 您 的 手 机 号 码 。\n二、我们如何收集信息";
        assertEquals(oneLine, LetterSpacing.close(oneLine), "one spaced line is no letter-spaced text");
    }
}
