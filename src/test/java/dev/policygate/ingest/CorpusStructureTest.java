package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Section trees of corpus policies, checked against what a reader sees in them. */
class CorpusStructureTest {
    private final Ingestor ingestor = new Ingestor();

    private static List<String> paths(Document d) {
        return d.sections().stream().map(Section::path).toList();
    }

    private static List<String> level1(Document d) {
        return d.sections().stream().filter(s -> s.level() == 1).map(Section::heading).toList();
    }

    private static Sentence sentenceContaining(Document d, String needle) {
        return d.sentences().stream().filter(s -> s.text().contains(needle)).findFirst().orElseThrow();
    }

    @Test
    void guowuyuanHasEightChaptersAndItsTocMakesNoSections() {
        Document d = ingestor.ingestText(Corpus.text("003_"));
        assertEquals(List.of("一、我们如何收集和使用您的个人信息", "二、我们如何对外提供您的个人信息", "三、我们如何保护您的个人信息",
                "四、您的权利", "五、我们如何处理儿童的个人信息", "六、本政策如何更新", "七、其他", "八、如何联系我们"), level1(d));
        // the TOC (lines 5-12) repeats all eight headings; the sections start at the body's occurrences
        int bodyStart = d.normalizedText().indexOf("我们非常重视用户的隐私");
        assertTrue(bodyStart > 0);
        for (Section s : d.sections()) {
            assertTrue(s.headingStart() > bodyStart, "section from the TOC: " + s);
        }
        // the TOC lines stay in the text as ordinary sentences, outside any section
        Sentence tocLine = d.sentences().stream().filter(s -> s.text().equals("四、您的权利")).findFirst().orElseThrow();
        assertEquals("", tocLine.section());
        assertTrue(paths(d).contains("四、您的权利 > 1.访问、修改个人信息"));
        assertTrue(paths(d).contains("四、您的权利 > 2.注销账号"));
        // numbered list items are not headings
        assertFalse(paths(d).stream().anyMatch(p -> p.contains("与国家安全")), paths(d).toString());
        assertFalse(paths(d).stream().anyMatch(p -> p.contains("在您注册")), paths(d).toString());
        assertEquals("四、您的权利 > 2.注销账号", sentenceContaining(d, "怎样才能注销我的账号").section());
        assertEquals("一、我们如何收集和使用您的个人信息", sentenceContaining(d, "与国家安全、国防安全等国家利益").section());
        assertEquals("八、如何联系我们", sentenceContaining(d, "app@mail.gov.cn").section());
        // the title is preamble, not a section
        assertEquals("国务院客户端隐私政策", d.sentences().get(0).text());
        assertEquals("", d.sentences().get(0).section());
    }

    @Test
    void zhengwuzhushouNestsFourLevelsAndSkipsItsArabicNumberedToc() {
        Document d = ingestor.ingestText(Corpus.text("000_"));
        assertEquals(List.of("一、我们如何收集和使用您的个人信息", "二、我们如何使用Cookie和同类技术", "三、我们如何共享、转让、公开披露您的个人信息",
                "四、我们如何保存及保护您的个人信息", "五、您的权利", "六、我们如何处理未成年人的个人信息", "七、您的个人信息如何进行跨境转移",
                "八、本政策如何更新", "九、如何联系我们", "附录1：定义"), level1(d));
        List<String> paths = paths(d);
        assertTrue(paths.contains("五、您的权利 > （九）注销您的账户"), paths.toString());
        assertTrue(paths.contains("一、我们如何收集和使用您的个人信息 > （二）向您提供产品和服务 > "
                + "2. 我们在您使用服务过程中收集的信息 > （1）设备信息"), paths.toString());
        assertTrue(paths.contains("三、我们如何共享、转让、公开披露您的个人信息 > （一） 共享"), paths.toString());
        // the TOC is numbered 1.–8.: none of it may become a section
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("1. 我们如何收集")), paths.toString());
        Section s = d.sections().stream().filter(x -> x.path().equals("五、您的权利 > （九）注销您的账户")).findFirst()
                .orElseThrow();
        assertEquals(2, s.level());
        assertEquals("（九）", s.numbering());
        assertEquals("五、您的权利", d.sections().get(s.parent()).heading());
        assertEquals("五、您的权利 > （九）注销您的账户", sentenceContaining(d, "注销路径为").section());
        assertEquals(s.path(), d.sectionPathAt(d.normalizedText().indexOf("注销路径为")));
        // contact items "1.平台设置…", "2.客服电话：…" are list items, not sections
        assertEquals("九、如何联系我们", sentenceContaining(d, "客服电话").section());
    }

    @Test
    void caiNiaoTocFollowedDirectlyByBodyHeadings() {
        Document d = ingestor.ingestText(Corpus.text("capp_rw_001"));
        long applicability = d.sections().stream().filter(s -> s.heading().contains("适用范围")).count();
        assertEquals(1, applicability);
        assertEquals(List.of("一、 适用范围", "二、 我们如何收集及使用您的个人信息", "三、我们如何委托处理、共享、转让，或公开披露您的个人信息",
                "四、 我们如何存储您的个人信息", "五、 我们如何保护您的个人信息", "六、 您的权利", "七、 我们如何处理未成年的个人信息",
                "八、 政策如何更新", "九、 如何联系我们", "附录：相关定义"), level1(d));
        assertTrue(paths(d).contains("六、 您的权利 > (四)注销您的账号"));
    }

    @Test
    void douyinTocWithDotsAndBodyWithSpaces() {
        Document d = ingestor.ingestText(Corpus.text("capp_rw_017"));
        List<String> l1 = level1(d);
        assertEquals(List.of("1 我们如何收集和使用个人信息", "2 数据使用过程中涉及的合作方以及转移、公开个人信息", "3 管理你的个人信息",
                "4 我们如何保护个人信息的安全", "5 我们如何存储个人信息", "6 我们如何保护未成年人", "7 隐私政策的查阅和修订", "8 联系我们"), l1);
        List<String> paths = paths(d);
        assertTrue(paths.contains("3 管理你的个人信息 > 3.4 帐号注销"), paths.toString());
        assertTrue(paths.contains("1 我们如何收集和使用个人信息 > 1.1 帐号服务 > 1.1.1 注册、登录"), paths.toString());
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("1.我们如何")), "TOC line became a section");
    }

    @Test
    void decimalNumberingNestsByDepth() {
        Document d = ingestor.ingestText(Corpus.text("capp_rw_021"));
        List<String> paths = paths(d);
        assertEquals(12, level1(d).size(), level1(d).toString());
        assertEquals("1.我们如何收集和使用信息", level1(d).get(0));
        assertTrue(paths.contains("1.我们如何收集和使用信息 > 1.1信息收集和使用 > （1）注册登录"), paths.toString());
        assertTrue(paths.contains("4.您如何访问和控制自己的个人信息 > 4.3注销账号"), paths.toString());
        assertTrue(paths.contains("12.如何联系我们 > 12.1联系我们"), paths.toString());
    }
}
