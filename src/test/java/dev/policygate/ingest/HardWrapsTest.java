package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.Corpus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HardWrapsTest {
    private static final Ingestor INGESTOR = new Ingestor();

    /** Wraps every line at {@code columns} terminal columns (an ideograph or full-width form is two), as fold would. */
    static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int width = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                int w = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
                if (width + w > columns) {
                    out.append('\n');
                    width = 0;
                }
                out.append(c);
                width += w;
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static Set<String> sentences(Document d) {
        Set<String> out = new HashSet<>();
        d.sentences().forEach(s -> out.add(s.text()));
        return out;
    }

    @Test
    void aPolicyWrappedAtAFixedWidthGetsItsSentencesBack() {
        List<Path> policies = Corpus.all();
        assertEquals(38, policies.size());
        int original = 0;
        int found = 0;
        for (Path p : policies) {
            String text = Corpus.read(p);
            Set<String> expected = sentences(INGESTOR.ingestText(text));
            Set<String> read = sentences(INGESTOR.ingestText(wrap(text, 76)));
            original += expected.size();
            found += (int) expected.stream().filter(read::contains).count();
        }
        // wrapped lines that end at the margin with a sentence's end, or before a numbered line, stay apart
        assertTrue(found >= 0.97 * original, found + " of " + original + " sentences");
    }

    @Test
    void textThatIsNotWrappedIsLeftAlone() {
        for (Path p : Corpus.all()) {
            String text = Corpus.read(p);
            assertEquals(text, HardWraps.unwrap(text), p.toString());
        }
    }

    @Test
    void aWrappedParagraphIsJoinedButItsHeadingsAndListItemsAreNot() {
        String policy = String.join("\n",
                "一、我们如何收集信息",
                "为了向您提供注册登录服务，我们会收集您的手机号码，用于注册账号、向您发送验证码和找回密码；为了保障账号安全，我们还会收集您的设备型号、操作系统版本和设备标识符，以识别异常登录。",
                "1.为了核验您的身份，我们需要您提供姓名、身份证号码和人脸图像，这些信息属于敏感个人信息，拒绝提供将无法使用实名认证功能，但不影响其他功能。",
                "2.我们不会向第三方提供您的个人信息，除非获得您的单独同意，或者法律法规另有规定，或者为了履行法定义务而必须提供。",
                "二、我们如何存储信息",
                "我们在中华人民共和国境内收集和产生的个人信息，将存储在中华人民共和国境内；我们仅在实现本政策所述目的所必需的期限内保存您的个人信息，超出期限后将删除或匿名化处理。",
                "三、联系我们");
        String wrapped = wrap(policy, 40);
        assertTrue(wrapped.lines().count() >= 16, wrapped);
        assertEquals(policy, INGESTOR.ingestText(wrapped).normalizedText());
    }
}
