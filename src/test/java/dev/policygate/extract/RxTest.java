package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The literal pre-check never changes what a pattern matches. */
class RxTest {
    @Test
    void anchorsAreRequiredLiterals() {
        assertEquals(Set.of("最小", "访问控制"), Rx.anchorsOf("最小(?:够用)?授权|访问控制"));
        assertEquals(Set.of("个人敏感信息", "敏感信息"), Rx.anchorsOf("(?<!非)(?:个人敏感信息|敏感信息)"));
        assertEquals(Set.of("如"), Rx.anchorsOf("如果?"));
        // a literal that every match contains later on, not only at the start
        assertEquals(Set.of("不少于", "年"), Rx.anchorsOf("不少于|[0-9]+年"));
        assertEquals(Set.of("年"), Rx.anchorsOf("(?:至少)?年"));
        assertEquals(Set.of("果"), Rx.anchorsOf("如?果"));
        assertEquals(Set.of("岁以下"), Rx.anchorsOf("[0-9一二三]{1,3}\\s{0,2}周?岁以下"));
        // a mandatory group or a small class of plain characters
        assertEquals(Set.of("天", "日", "月", "（", "("), Rx.anchorsOf("[0-9][个]?\\s{0,2}(?:天|日|月)|[（(][0-9]"));
        // an alternative with no mandatory literal at all disables the pre-check
        assertNull(Rx.anchorsOf("访问|[0-9]+"));
        assertNull(Rx.anchorsOf("访问|(?:至少)?[0-9]"));
        assertEquals(Set.of("访问", "年", "月"), Rx.anchorsOf("访问|(?:至少)?[年月]"));
        assertNull(Rx.anchorsOf("a|[^x]{2}"));
        // inline flags and quoting change what a literal means: no pre-check from them
        assertNull(Rx.anchorsOf("[0-9](?i)sdk"));
        assertNull(Rx.anchorsOf("(?i)(?:\\b(?:Ltd|Inc|Co)\\.)$"));
        assertNull(Rx.startsOf("(?i)sdk"));
        assertTrue(Rx.of("(?i)(?:\\b(?:Ltd|Inc|Co)\\.)$").find("Acme Co., Ltd."));
        assertTrue(Rx.of("(?i)sdk").find("友盟SDK"));
        assertNull(Rx.anchorsOf("[0-9]\\Qab\\E"));
        assertNull(Rx.anchorsOf("[0-9](a)\\1"));
    }

    @Test
    void sameResultsAsThePlainPattern() {
        List<String> regexes = List.of("最小(?:够用)?授权|访问控制", "(?<!非)(?:个人敏感信息|敏感信息)", "如需|如[^，。]{0,5}涉及",
                "(?:保存|存储)[^。]{0,10}境内", "SSL|TLS|HTTPS", "^(?:如果|若)(?![您你])");
        List<String> texts = List.of("我们采取最小够用授权原则", "非敏感信息", "如部分产品涉及跨境", "数据存储于中国境内",
                "使用HTTPS协议", "若您同意", "若业务变更", "无关的句子");
        for (String r : regexes) {
            Rx rx = Rx.of(r);
            Pattern p = Pattern.compile(r);
            for (String t : texts) {
                assertEquals(p.matcher(t).find(), rx.find(t), r + " on " + t);
                assertEquals(p.matcher(t).find(), rx.matcher(t).find(), r + " on " + t);
            }
        }
        assertFalse(Rx.of("访问控制").find("无关"));
        // alternations of plain literals are answered by the pre-check alone; hand-given anchors are not the pattern
        assertTrue(Rx.of("甲|乙乙|丙").find("有乙乙在"));
        assertFalse(Rx.of("甲|乙乙|丙").find("有乙在"));
        assertFalse(Rx.withAnchors("共享", "共享", "分享").find("分享"));
        // a pattern is tried only where one of its leading literals stands, with look-arounds seeing the whole text
        assertEquals(Set.of("个人", "隐私"), Rx.startsOf("(?:个人|隐私)[^。]{0,4}信息"));
        assertNull(Rx.startsOf("[0-9]+年"));
        assertTrue(Rx.of("(?<!非)(?:个人|隐私)[^。]{0,4}信息").find("非个人信息和个人资料信息"));
        assertFalse(Rx.of("(?<!非)(?:个人|隐私)[^。]{0,4}信息").find("非个人信息"));
        assertTrue(Rx.of("(?:个人|隐私)信息$").find("个人信息与隐私信息"));
        assertFalse(Rx.of("(?:个人|隐私)信息$").find("隐私信息。"));
        assertTrue(Rx.of("(?:个人|隐私)信息(?=。)").find("个人信息与隐私信息。"));
        // many anchors: one pass over the text
        Rx many = Rx.of("查阅|复制|更正|删除|撤回|注销|投诉|举报|反馈|申诉");
        assertTrue(many.find("您可以申诉"));
        assertTrue(many.find("注销"));
        assertFalse(many.find("您可以注册账号"));
        assertTrue(Rx.of("访问控制").find("部署访问控制机制"));
    }

    /**
     * Every pattern of the extractors (the Rx fields and the keyed lexicon patterns) finds a match in exactly the
     * sentences of the corpus (and in a few synthetic texts) in which the plain regex finds one.
     */
    @Test
    void everyPatternOfTheExtractorsAgreesWithThePlainRegexOnTheCorpus() throws Exception {
        List<Rx> all = new java.util.ArrayList<>();
        for (String name : List.of("ChangeNoticeExtractor", "ClauseText", "CollectionExtractor", "ComplaintExtractor",
                "ConsentExtractor", "ContactExtractor", "CrossBorderExtractor", "DatesExtractor", "DeadlineExtractor",
                "DisputeExtractor", "HandlerExtractor", "InAppPath", "MinorsExtractor", "PermissionExtractor",
                "PersonalizationExtractor", "ProtectionOfficerExtractor", "RetentionExtractor", "RightsExtractor",
                "ScopeExtractor", "SecurityExtractor", "SensitivePiExtractor", "SharingExtractor", "ThirdPartyExtractor")) {
            Class<?> c = Class.forName("dev.policygate.extract." + name);
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof Rx r) {
                        all.add(r);
                    } else if (v instanceof LexiconFile l && !l.rows().isEmpty() && l.rows().get(0).length == 2
                            && l.rows().stream().allMatch(row -> row[0].matches("[A-Z_]+"))) {
                        l.keys().forEach(k -> all.add(l.rx(k)));
                    }
                }
            }
        }
        assertTrue(all.size() > 150, "found " + all.size() + " patterns");
        List<String> texts = new java.util.ArrayList<>(List.of("", "a", "（1）", "30天内", "十五个工作日", "未满14周岁"));
        for (java.nio.file.Path p : ExtractBCorpus.files()) {
            dev.policygate.ingest.Document d = ExtractBCorpus.load(p);
            d.sentences().forEach(s -> texts.add(s.text()));
        }
        for (Rx r : all) {
            Pattern p = r.pattern();
            for (String t : texts) {
                if (p.matcher(t).find() != r.find(t)) {
                    throw new AssertionError(r + " differs on: " + t);
                }
                if (r.candidate(t) && !spans(p.matcher(t), t, null).equals(spans(r.matcher(t), t, r))) {
                    throw new AssertionError(r + " finds other matches in: " + t);
                }
                if (r.candidate(t) && !p.matcher(t).replaceAll("＿").equals(r.replaceAll(t, "＿"))) {
                    throw new AssertionError(r + " replaces otherwise in: " + t);
                }
            }
        }
    }

    /** The spans of all matches, by Matcher.find or by Rx.findFrom. */
    private static List<String> spans(java.util.regex.Matcher m, String t, Rx r) {
        List<String> out = new java.util.ArrayList<>();
        if (r == null) {
            while (m.find()) {
                out.add(m.start() + "-" + m.end());
            }
        } else {
            for (int at = 0; r.findFrom(m, t, at); at = Math.max(m.end(), m.start() + 1)) {
                out.add(m.start() + "-" + m.end());
            }
        }
        return out;
    }
}
