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

        // the quotes are in mainland words, and each still maps back to its place in the file as sent (CRLF, indented)
        String sent = TAIWAN.lines().map(line -> "\u3000\u3000" + line).collect(java.util.stream.Collectors.joining("\r\n"));
        Document readSent = INGESTOR.ingestText(sent);
        SourceMap map = new SourceMap(sent, readSent.normalizedText());
        assertTrue(map.exact());
        String[] quotes = {"我们如何收集", "停止运营", "联系我们", "电子邮箱"};
        int[] lines = {2, 4, 6, 7};
        for (int q = 0; q < quotes.length; q++) {
            int at = readSent.normalizedText().indexOf(quotes[q]);
            SourceMap.Region region = map.region(at, at + quotes[q].length(), null);
            assertEquals(lines[q], region.startLine(), quotes[q]);
            String line = Ingestor.readForm(sent).lines().toList().get(lines[q] - 1);
            assertEquals(line.indexOf(quotes[q]) + 1, region.startColumn(), quotes[q]);
            assertEquals(quotes[q].length(), region.endColumn() - region.startColumn(), quotes[q]);
        }

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
        assertEquals("隐私政策\n我们会收集您的姓名及邮件地址，以便处理您的查询。如欲查阅或更正您的个人信息，请联系我们。", text);
    }

    @Test
    void aWordIsReadOnlyWhereItIsOneAndTheNamesOfLawsStay() {
        String taiwan = """
                一、我們如何蒐集您的個人資料
                本公司經營運輸及物流服務，並向您推送投資訊息；您上傳至個人資料夾的檔案僅供您本人存取。
                本政策修改正式生效後，如我們停止營運，將以電郵通知您；書面請寄香港郵政信箱1234號或第三人民醫院旁的服務處。
                我們依據個人資料保護法及《個人資料（私隱）條例》蒐集您的個人資料，並以個人化方式推薦內容，但不會向第三人提供。
                """;
        String text = INGESTOR.ingestText(taiwan).normalizedText();
        for (String kept : List.of("经营运输", "投资信息", "个人文件夹", "修改正式", "邮政信箱", "第三人民医院",
                "个人资料保护法", "《个人资料（私隐）条例》")) {
            assertTrue(text.contains(kept), kept + " in " + text);
        }
        for (String read : List.of("收集您的个人信息", "停止运营", "以邮件通知", "个性化方式", "向第三方提供")) {
            assertTrue(text.contains(read), read + " in " + text);
        }
        String simplified = "我们会收集您的个人资料，并通过电子信箱联络您。";
        assertEquals(Ingestor.normalize(simplified), INGESTOR.ingestText(simplified).normalizedText(),
                "a Simplified policy keeps its words");
        assertEquals("为便利用户分享，您自身分享的信息的保存取决于",
                RegionalWords.toMainland("为便利用户分享，您自身分享的信息的保存取决于"), "便利用户, 自身分享, 保存取决");
    }

    @Test
    void aMainlandPolicyInTraditionalScriptKeepsItsOwnWords() {
        // it says 个人信息 throughout, and 个人资料 for the profile page and 资讯 for news: not Taiwan's words
        String mainland = """
                我們會收集您的個人信息，用於註冊賬號。您提供的個人信息包括手機號碼。
                您可以在“我＞編輯個人資料”中更正您的個人信息，或在資訊頻道中查看資訊信息。我們會保護您的個人信息。
                """;
        String text = INGESTOR.ingestText(mainland).normalizedText();
        assertTrue(text.contains("我＞编辑个人资料") && text.contains("资讯频道"), text);
        assertEquals(ChineseScript.toSimplified(Ingestor.normalize(mainland)), text);
    }

    /**
     * Taiwan's and Hong Kong's words in the place of the mainland words of the corpus' 38 policies, in Traditional
     * script: each reads as its Simplified original, except where the original itself uses one of the table's words
     * (联络方式, which the Taiwan-worded form uses more than 联系 and so reads 联系方式).
     */
    @Test
    void theCorpusPoliciesInTaiwanAndHongKongWordsReadAsTheirOriginals() {
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        String[][] regional = {{"個人信息", "個人資料"}, {"跨境傳輸", "國際傳輸"}, {"應用程序", "應用程式"},
                {"訪問您的", "存取您的"}, {"身份證", "身分證"}, {"收集", "蒐集"}, {"信息", "資訊"}, {"披露", "揭露"},
                {"設備", "裝置"}, {"網絡", "網路"}, {"軟件", "軟體"}, {"程序", "程式"}, {"聯繫", "聯絡"}, {"聯系", "聯絡"},
                {"相冊", "相簿"}, {"推送", "推播"}, {"郵箱", "信箱"}, {"運營", "營運"}, {"隱私", "私隱"}, {"更正", "改正"}};
        List<String> policies = ChineseScriptTest.policies();
        assertEquals(38, policies.size());
        int inRegionalWords = 0;
        int readOtherwise = 0;
        for (String simplified : policies) {
            String traditional = toTraditional.transliterate(simplified);
            String worded = traditional.replace("個人信息保護法", "\uE000"); // the PRC's law keeps its name
            for (String[] pair : regional) {
                worded = worded.replace(pair[0], pair[1]);
            }
            worded = worded.replace("\uE000", "個人信息保護法");
            for (int i = 0; i < worded.length(); i++) {
                inRegionalWords += worded.charAt(i) != traditional.charAt(i) ? 1 : 0;
            }
            String original = INGESTOR.ingestText(simplified).normalizedText();
            String read = INGESTOR.ingestText(worded).normalizedText();
            assertEquals(original.length(), read.length());
            for (int i = 0; i < read.length(); i++) {
                char a = original.charAt(i);
                char b = read.charAt(i);
                if (a != b && !(a == '什' && b == '甚') && !(a == '沉' && b == '沈') && !(a == '相' && b == '像')) {
                    assertTrue(RegionalWords.replaces(a, b), a + "" + b + " at " + i + ": "
                            + read.substring(Math.max(0, i - 10), Math.min(read.length(), i + 10)));
                    readOtherwise++;
                }
            }
        }
        assertTrue(inRegionalWords > 10_000, inRegionalWords + " characters in regional words");
        assertTrue(readOtherwise < 600, readOtherwise + " characters of the originals' own regional words");
    }

    @Test
    void aQuoteFromATraditionalWebPageIsPlacedOnItsLine() {
        String html = "<html><body>\n<h2>一、我們如何蒐集及利用您的個人資料</h2>\n"
                + "<p>為提供會員註冊服務，我們會蒐集您的姓名及電子郵件地址。</p>\n<p>如我們停止營運，我們將以公告形式通知您。</p>\n"
                + "</body></html>";
        Document read = INGESTOR.ingest(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), SourceFormat.HTML);
        String text = read.normalizedText();
        SourceMap map = new SourceMap(html, text);
        String quote = "为提供会员注册服务，我们会收集您的姓名及电子邮件地址。";
        int at = text.indexOf(quote);
        assertTrue(at >= 0, text);
        SourceMap.Region region = map.region(at, at + quote.length(), quote);
        assertEquals(3, region.startLine(), region.toString());
        assertEquals(4, region.startColumn(), region.toString());
        assertEquals(2, map.heading("一、我们如何收集及使用您的个人信息").startLine());
    }
}
