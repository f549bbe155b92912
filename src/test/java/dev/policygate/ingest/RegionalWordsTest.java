package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.CessationClause;
import dev.policygate.facts.Contact;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PiType;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.report.SourceMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionalWordsTest {
    private static final Ingestor INGESTOR = new Ingestor();
    private static final FactExtractor EXTRACTOR = new FactExtractor();

    /** A policy as a Taiwanese app writes it: 個人資料, 蒐集、處理及利用, 身分證, 電子信箱, 聯絡, 停止營運. */
    private static final String TAIWAN = """
            隱私權政策
            一、我們如何蒐集及利用您的個人資料
            為提供會員註冊服務，我們會蒐集您的姓名、身分證字號及電子郵件地址，用於核驗您的身分。
            二、停止營運
            如我們停止營運，我們將停止蒐集您的個人資料，以公告形式通知您，並刪除或匿名化處理您的個人資料。
            三、聯絡我們
            如您對本政策有任何疑問，請寄至電子信箱 privacy@example.com.tw 與我們聯絡，我們將於15個工作日內答覆。
            """;

    @Test
    void aTaiwanWordedPolicyIsReadInMainlandWords() {
        Document read = INGESTOR.ingestText(TAIWAN);
        String text = read.normalizedText();
        assertEquals(Ingestor.normalize(TAIWAN).length(), text.length(), "same length: every offset holds");
        assertTrue(text.contains("我们如何收集及使用您的个人信息"), text);
        assertTrue(text.contains("身份证字号") && text.contains("停止运营") && text.contains("电子邮箱"), text);
        assertTrue(text.contains("联系我们"), text);

        List<Fact> facts = EXTRACTOR.extract(read);
        DataCollection registration = facts.stream().filter(DataCollection.class::isInstance)
                .map(DataCollection.class::cast)
                .filter(c -> c.citations().get(0).quote().contains("会员注册")).findFirst().orElseThrow();
        assertTrue(registration.piTypes().stream().map(PiType::name).toList().contains("姓名"),
                registration.piTypes().toString());
        assertTrue(facts.stream().anyMatch(f -> f instanceof CessationClause c && c.deletesOrAnonymises()), "停止營運");
        assertTrue(facts.stream().anyMatch(f -> f instanceof Contact c && c.value().equals("privacy@example.com.tw")));
        assertTrue(facts.stream().anyMatch(f -> f instanceof ResponseDeadline d && d.days() == 15));

        // the quotes are in mainland words, and each still maps back to its place in what was sent
        SourceMap map = new SourceMap(Ingestor.normalize(TAIWAN), text);
        assertTrue(map.exact());
        int at = text.indexOf("我们如何收集");
        assertEquals(new SourceMap.Region(2, 3, 2, 9), map.region(at, at + 6, null));

        // with its characters converted but its words left, the same policy gives no collection and no cessation
        List<Fact> wordsLeft = EXTRACTOR.extract(INGESTOR.ingestText(ChineseScript.toSimplified(TAIWAN)));
        assertFalse(wordsLeft.stream().anyMatch(f -> f instanceof DataCollection c
                && c.citations().get(0).quote().contains("会员注册")));
        assertFalse(wordsLeft.stream().anyMatch(CessationClause.class::isInstance));
    }

    @Test
    void aHongKongPrivacyPolicyIsAPrivacyPolicy() {
        String hongKong = "私隱政策\n我們會收集您的姓名及電郵地址，以便處理您的查詢。如欲查閱或改正您的個人資料，請聯絡我們。";
        String text = INGESTOR.ingestText(hongKong).normalizedText();
        assertEquals("隐私政策\n我们会收集您的姓名及邮箱地址，以便处理您的查询。如欲查阅或更正您的个人信息，请联系我们。", text);
    }

    @Test
    void aWordIsReplacedOnlyInATraditionalPolicyAndNeverAcrossTheWordsAroundIt() {
        String simplified = "我们会收集您的个人资料，并通过电子信箱联络您。";
        assertEquals(Ingestor.normalize(simplified), INGESTOR.ingestText(simplified).normalizedText(),
                "a Simplified policy keeps its words");
        assertEquals("为便利用户分享，您自身分享的信息的保存取决于",
                RegionalWords.toMainland("为便利用户分享，您自身分享的信息的保存取决于"), "便利用户, 自身分享, 保存取决");
    }

    /**
     * Taiwan's and Hong Kong's words in the place of the mainland words of the corpus' 38 policies, in Traditional
     * script: each reads as the same text as its plain Traditional form, so it gives the same facts and findings.
     */
    @Test
    void theCorpusPoliciesInTaiwanAndHongKongWordsReadAsInMainlandWords() {
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        String[][] regional = {{"個人信息", "個人資料"}, {"跨境傳輸", "國際傳輸"}, {"應用程序", "應用程式"},
                {"訪問您的", "存取您的"}, {"身份證", "身分證"}, {"收集", "蒐集"}, {"信息", "資訊"}, {"披露", "揭露"},
                {"設備", "裝置"}, {"網絡", "網路"}, {"軟件", "軟體"}, {"程序", "程式"}, {"聯繫", "聯絡"}, {"聯系", "聯絡"},
                {"相冊", "相簿"}, {"推送", "推播"}, {"郵箱", "信箱"}, {"運營", "營運"}, {"隱私", "私隱"}, {"更正", "改正"}};
        List<String> policies = ChineseScriptTest.policies();
        assertEquals(38, policies.size());
        int replaced = 0;
        for (String simplified : policies) {
            String traditional = toTraditional.transliterate(simplified);
            String worded = traditional;
            for (String[] pair : regional) {
                worded = worded.replace(pair[0], pair[1]);
            }
            assertNotEquals(traditional, worded);
            for (int i = 0; i < worded.length(); i++) {
                replaced += worded.charAt(i) != traditional.charAt(i) ? 1 : 0;
            }
            assertEquals(INGESTOR.ingestText(traditional).normalizedText(),
                    INGESTOR.ingestText(worded).normalizedText());
        }
        assertTrue(replaced > 10_000, replaced + " characters in regional words");
    }
}
