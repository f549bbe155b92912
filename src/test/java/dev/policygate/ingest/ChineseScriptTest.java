package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import dev.policygate.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseScriptTest {
    private static final Ingestor INGESTOR = new Ingestor();
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    /**
     * The committed table is ICU4J's Traditional-Simplified transliteration, character by character. To write it
     * again (a new ICU4J): {@code ./mvnw test -Dtest=ChineseScriptTest -Dpolicygate.write-script-table=true}.
     */
    @Test
    void theTableIsIcu4jsTraditionalToSimplifiedTransliteration() throws IOException {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder expected = new StringBuilder()
                .append("# Traditional ideograph, TAB, its Simplified form: ICU4J ")
                .append(com.ibm.icu.util.VersionInfo.ICU_VERSION)
                .append(" Traditional-Simplified, each ideograph of U+3400-U+9FFF it turns into one other character")
                .append(".\n")
                .append("# Unicode data, Unicode License v3. Written by ChineseScriptTest.\n");
        for (char c = 0x3400; c <= 0x9FFF; c++) {
            String simplified = toSimplified.transliterate(String.valueOf(c));
            if (simplified.length() == 1 && simplified.charAt(0) != c) {
                expected.append(c).append('\t').append(simplified).append('\n');
            }
        }
        if (Boolean.getBoolean("policygate.write-script-table")) {
            Files.writeString(Path.of("src/main/resources" + ChineseScript.RESOURCE), expected);
        }
        try (InputStream in = ChineseScript.class.getResourceAsStream(ChineseScript.RESOURCE)) {
            assertEquals(expected.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the committed table is not what ICU4J gives; write it again (see this test's comment)");
        }
    }

    static List<String> policies() {
        List<String> texts = new ArrayList<>();
        for (Path p : Corpus.all()) {
            texts.add(Corpus.read(p));
        }
        return texts;
    }

    /**
     * Characters that ICU4J's Simplified-Traditional writes in a form whose Simplified reading is another character:
     * 什么 as 甚麼 (read 甚么), 沉 as 沈, 相 as 像 in one phrase. Every other character comes back as it was, or as the
     * mainland word of a regional word the policy uses more than the mainland word ({@link RegionalWords}: 校长信箱 is
     * read 校长邮箱, but 联络方式 stays, as 联系方式 is more frequent).
     */
    private static final java.util.Set<String> ROUND_TRIP_VARIANTS = java.util.Set.of("什甚", "沉沈", "相像");

    @Test
    void aPolicyInTraditionalScriptIsReadAsItsSimplifiedOriginal() {
        List<String> policies = policies();
        assertEquals(38, policies.size());
        int regional = 0;
        for (String simplified : policies) {
            String traditional = TO_TRADITIONAL.transliterate(simplified);
            assertNotEquals(simplified, traditional);
            assertEquals(ChineseScript.Script.TRADITIONAL, ChineseScript.of(traditional));
            assertEquals(ChineseScript.Script.SIMPLIFIED, ChineseScript.of(simplified), "a Simplified policy is left as it is");
            Document original = INGESTOR.ingestText(simplified);
            Document read = INGESTOR.ingestText(traditional);
            String a = RegionalWords.toMainland(original.normalizedText());
            String b = read.normalizedText();
            assertEquals(a.length(), b.length());
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    String pair = "" + a.charAt(i) + b.charAt(i);
                    assertTrue(ROUND_TRIP_VARIANTS.contains(pair), pair + " at " + i + ": " + b.substring(
                            Math.max(0, i - 10), Math.min(b.length(), i + 10)));
                }
                regional += a.charAt(i) != original.normalizedText().charAt(i) ? 1 : 0;
            }
            // the same outline (in those mainland words) and sentences, at the same offsets
            assertEquals(INGESTOR.ingestText(a).sections().stream()
                            .map(x -> x.path() + "@" + x.start() + "-" + x.end()).toList(),
                    read.sections().stream().map(x -> x.path() + "@" + x.start() + "-" + x.end()).toList());
            assertEquals(original.sentences().stream().map(x -> x.start() + "-" + x.end()).toList(),
                    read.sentences().stream().map(x -> x.start() + "-" + x.end()).toList());
        }
        // mainland policies: Taiwan's words they use more than the mainland ones are few (校长信箱, 相册存取权限)
        assertTrue(regional < 40, regional + " characters read in other words");
    }

    @Test
    void theConversionKeepsOffsetsAndTouchesOnlyTraditionalCharacters() {
        String traditional = "二、我們如何收集和使用您的個人資訊\n為了核驗您的身份，我們需要您提供身份證件號碼。Email: a@b.cn"
                + "\n我們將在15個工作日內答覆，以顯著方式通知您，覆蓋全部服務。";
        String simplified = ChineseScript.toSimplified(traditional);
        assertEquals("二、我们如何收集和使用您的个人资讯\n为了核验您的身份，我们需要您提供身份证件号码。Email: a@b.cn"
                + "\n我们将在15个工作日内答复，以显著方式通知您，覆盖全部服务。", simplified);
        assertEquals(traditional.length(), simplified.length());
    }

    @Test
    void aFewTraditionalCharactersInASimplifiedPolicyDoNotMakeItTraditional() {
        // a company's registered name in Traditional script, quoted in a Simplified policy
        String text = Corpus.text("003_") + "\n本政策所称关联公司包括臺灣積體電路製造股份有限公司。";
        assertEquals(ChineseScript.Script.SIMPLIFIED, ChineseScript.of(text));
        assertEquals(Ingestor.normalize(text), INGESTOR.ingestText(text).normalizedText());
        assertEquals(ChineseScript.Script.TRADITIONAL, ChineseScript.of("個人資料"));
    }

    @Test
    void aPolicyInAnotherLanguageIsRefusedAndOneInTwoLanguagesIsRead() {
        String english = """
                Privacy Policy of 示例科技有限公司
                1. Information We Collect
                We collect your name, e-mail address and phone number when you register an account, and device
                identifiers and location data to show nearby services.
                2. Contact Us
                Write to privacy@example.com or to our office in Beijing. We answer within 15 days.
                """;
        assertEquals(ChineseScript.Script.NOT_CHINESE, ChineseScript.of(english));
        IngestException refused = assertThrows(IngestException.class,
                () -> INGESTOR.ingest(english.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(422, refused.httpStatus());
        assertEquals("Not a Chinese policy", refused.title());
        assertThrows(IngestException.class, () -> INGESTOR.ingestText("2024-01-01 12:00"), "no Chinese at all");

        String bilingual = english + Corpus.text("004_");
        assertEquals(ChineseScript.Script.SIMPLIFIED, ChineseScript.of(bilingual));
        assertFalse(INGESTOR.ingestText(bilingual).sentences().isEmpty());
    }
}
