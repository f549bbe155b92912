package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Heading heuristics on small made-up policies. */
class SectionParserTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static List<String> paths(String text) {
        return INGESTOR.ingestText(text).sections().stream().map(Section::path).toList();
    }

    private static List<Integer> levels(String text) {
        return INGESTOR.ingestText(text).sections().stream().map(Section::level).toList();
    }

    @Test
    void levelsFollowTheOrderStylesAppearIn() {
        // here Arabic numbering is the top level and （一） sits below it
        String text = """
                某App隐私政策
                1. 我们收集的信息
                （一）注册信息
                我们收集手机号码。
                （二）设备信息
                我们收集设备型号。
                2. 我们如何共享
                （一）共享
                我们不共享。
                """;
        assertEquals(List.of("1. 我们收集的信息", "1. 我们收集的信息 > （一）注册信息", "1. 我们收集的信息 > （二）设备信息",
                "2. 我们如何共享", "2. 我们如何共享 > （一）共享"), paths(text));
        assertEquals(List.of(1, 2, 2, 1, 2), levels(text));
    }

    @Test
    void allChineseNumberingStyles() {
        String text = """
                第一章 总则
                第一条 适用范围
                本政策适用于本应用。
                第二条 定义
                一、个人信息
                （一）基本信息
                1.姓名
                (1)中文名
                ①简称
                本段正文。
                第二章 收集
                第三条 收集方式
                附录一：名词解释
                附件2 SDK清单
                """;
        List<String> p = paths(text);
        assertEquals(List.of("第一章 总则", "第一章 总则 > 第一条 适用范围", "第一章 总则 > 第二条 定义",
                "第一章 总则 > 第二条 定义 > 一、个人信息", "第一章 总则 > 第二条 定义 > 一、个人信息 > （一）基本信息",
                "第一章 总则 > 第二条 定义 > 一、个人信息 > （一）基本信息 > 1.姓名",
                "第一章 总则 > 第二条 定义 > 一、个人信息 > （一）基本信息 > 1.姓名 > (1)中文名",
                "第一章 总则 > 第二条 定义 > 一、个人信息 > （一）基本信息 > 1.姓名 > (1)中文名 > ①简称",
                "第二章 收集", "第二章 收集 > 第三条 收集方式", "附录一：名词解释", "附件2 SDK清单"), p);
    }

    @Test
    void longNumberedSentencesAreListItemsNotHeadings() {
        String text = """
                一、我们如何收集信息
                1.在您注册账号时，您需要提供手机号码。
                2.在您使用定位功能时，我们会收集位置信息。
                （一）我们如何使用信息
                (1)与国家安全、国防安全直接相关的；
                (2)与公共安全直接相关的
                （二）我们如何共享信息：
                二、联系我们
                1.客服电话：400-000-0000
                2.电子邮箱：privacy@example.com
                """;
        Document d = INGESTOR.ingestText(text);
        assertEquals(List.of("一、我们如何收集信息", "一、我们如何收集信息 > （一）我们如何使用信息",
                "一、我们如何收集信息 > （二）我们如何共享信息：", "二、联系我们"),
                d.sections().stream().map(Section::path).toList());
        Sentence item = d.sentences().stream().filter(s -> s.text().startsWith("1.在您注册")).findFirst().orElseThrow();
        assertEquals("一、我们如何收集信息", item.section());
        Sentence phone = d.sentences().stream().filter(s -> s.text().contains("400-000")).findFirst().orElseThrow();
        assertEquals("二、联系我们", phone.section());
    }

    @Test
    void aLongItemWithTheNextNumberClosesItsOpenSibling() {
        String text = """
                一 我们如何收集信息
                （一）注册
                1. 手机号
                我们收集手机号。
                （二）我们会出于以下目的收集和使用您的个人信息，具体包括以下各项功能所需的信息：
                2. 位置
                我们收集位置。
                二 联系我们
                电话：12345。
                """;
        assertEquals(List.of("一 我们如何收集信息", "一 我们如何收集信息 > （一）注册", "一 我们如何收集信息 > （一）注册 > 1. 手机号",
                "一 我们如何收集信息 > 2. 位置", "二 联系我们"), paths(text));
    }

    @Test
    void numberValues() {
        assertEquals(12, Numbering.value("（十二）"));
        assertEquals(20, Numbering.value("二十、"));
        assertEquals(3, Numbering.value("3."));
        assertEquals(2, Numbering.value("1.2"));
        assertEquals(5, Numbering.value("⑤"));
        assertEquals(10, Numbering.value("第十条"));
        assertEquals(-1, Numbering.value("a."));
        assertTrue(Numbering.isSuccessor("（一）", "（二）"));
        assertTrue(Numbering.isSuccessor("2.2", "2.3"));
        assertTrue(!Numbering.isSuccessor("8.2", "2.3"));
        assertTrue(!Numbering.isSuccessor("3.", "5."));
    }

    @Test
    void questionHeadingsAndSpacesAfterNumbers() {
        String text = "前言\n一、 我们如何收集您的信息？\n我们收集手机号。\n二、什么是Cookie?\nCookie是小文件。";
        assertEquals(List.of("一、 我们如何收集您的信息？", "二、什么是Cookie?"), paths(text));
    }

    @Test
    void tableOfContentsIsSkippedEvenWithDifferentNumbering() {
        String text = """
                某App隐私政策
                本政策将帮助您了解以下内容：
                1. 我们如何收集信息
                2. 我们如何使用信息
                3. 我们如何共享信息
                4. 您的权利
                如何联系我们
                一、我们如何收集信息
                我们收集手机号码。
                二、我们如何使用信息
                我们使用手机号码登录。
                三、我们如何共享信息
                我们不共享。
                四、您的权利
                您可以删除信息。
                五、如何联系我们
                电话：12345。
                """;
        Document d = INGESTOR.ingestText(text);
        assertEquals(List.of("一、我们如何收集信息", "二、我们如何使用信息", "三、我们如何共享信息", "四、您的权利", "五、如何联系我们"),
                d.sections().stream().map(Section::path).toList());
        Sentence toc = d.sentences().stream().filter(s -> s.text().equals("4. 您的权利")).findFirst().orElseThrow();
        assertEquals("", toc.section());
    }

    @Test
    void tocRunningStraightIntoABodyHeadingWorded() {
        String text = "一、我们如何收集您的个人信息\n二、我们如何共享您的个人信息\n三、您的权利\n四、联系我们\n"
                + "一. 我们如何收集和使用您的个人信息\n我们收集手机号码。\n二、我们如何共享您的个人信息\n不共享。\n"
                + "三、您的权利\n可删除。\n四、联系我们\n电话：12345。";
        assertEquals(List.of("一. 我们如何收集和使用您的个人信息", "二、我们如何共享您的个人信息", "三、您的权利", "四、联系我们"),
                paths(text));
    }

    @Test
    void tocWithDotLeadersAndPageNumbers() {
        String text = "目录\n一、我们如何收集信息……………… 2\n二、我们如何使用信息..........3\n三、您的权利 4\n"
                + "一、我们如何收集信息\n我们收集手机号码。\n二、我们如何使用信息\n我们用于登录。\n三、您的权利\n您可以删除。";
        assertEquals(List.of("一、我们如何收集信息", "二、我们如何使用信息", "三、您的权利"), paths(text));
    }

    @Test
    void headingsWithoutBodyAreNotATocUnlessTheyRecur() {
        String text = "一、概述\n（一）适用范围\n本政策适用于本应用。\n（二）生效\n本政策自发布之日起生效。\n二、收集\n我们收集手机号码。";
        assertEquals(List.of("一、概述", "一、概述 > （一）适用范围", "一、概述 > （二）生效", "二、收集"), paths(text));
    }

    @Test
    void sectionRangesAndHeadingsQuoteTheText() {
        Document d = INGESTOR.ingestText("标题\n一、收集\n正文一。\n（一）细节\n正文二。\n二、使用\n正文三。");
        String t = d.normalizedText();
        Section one = d.sections().get(0);
        assertEquals("一、收集\n正文一。\n（一）细节\n正文二。", t.substring(one.start(), one.end()));
        Section detail = d.sections().get(1);
        assertEquals("（一）细节\n正文二。", t.substring(detail.start(), detail.end()));
        assertEquals(0, detail.parent());
        Section two = d.sections().get(2);
        assertEquals("二、使用\n正文三。", t.substring(two.start(), two.end()));
        assertEquals("", d.sectionPathAt(0));
        assertEquals("一、收集 > （一）细节", d.sectionPathAt(t.indexOf("正文二")));
        assertFalse(d.sentences().isEmpty());
        assertTrue(d.sentences().stream().allMatch(s -> s.section().equals(d.sectionPathAt(s.start()))));
    }

    @Test
    void markdownHeadingsInPlainText() {
        Document d = INGESTOR.ingestText("# 隐私政策\n## 收集\n正文。\n### 设备\n正文。\n## 共享\n正文。");
        assertEquals(List.of("收集", "收集 > 设备", "共享"), d.sections().stream().map(Section::path).toList());
        assertEquals("收集", d.sentences().get(1).text());
    }

    @Test
    void plainHeadingsWithoutNumbersMakeSectionsAndNumberedOnesNestInside() {
        String text = """
                某App隐私政策
                本政策说明我们如何处理您的个人信息，请您仔细阅读。
                我们收集的信息
                在您注册账号时，我们会收集您的手机号码，用于创建账号。
                1. 设备信息
                我们会收集设备型号和操作系统版本，用于保障服务安全。
                信息安全
                我们采用加密技术保护您的个人信息，防止其遭到未经授权的访问。
                我们可能会通过
                短信或邮件的方式通知您本政策的重大变更内容。
                """;
        assertEquals(List.of("我们收集的信息", "我们收集的信息 > 1. 设备信息", "信息安全"), paths(text));
    }

    @Test
    void shortLinesThatAreNotHeadingsStaySentences() {
        // a lead-in with a colon, a line inside a paragraph and a line followed by another short line
        String text = """
                某App隐私政策
                我们收集的信息包括：
                姓名、手机号码、身份证号码等基本资料，用于核验您的身份。
                联系我们
                电话：400-000-0000
                """;
        assertTrue(paths(text).isEmpty(), paths(text).toString());
    }

    @Test
    void twoCharacterHeadingsThatHeadPlainText() {
        // one sentence a line, as policies are often pasted: 变更 heads 我们可能会适时对本指引进行修订。 (16 characters);
        // a connective between two list items does not, nor does 概要 before numbered sections (it would take them in)
        String text = """
                某App隐私指引
                我们在中华人民共和国境内收集和产生的个人信息，将存储在中华人民共和国境内。
                变更
                我们可能会适时对本指引进行修订。
                当指引的条款发生变更时，我们会以推送通知、弹窗的形式向你展示变更后的指引。
                您可以在设置中关闭个性化推荐功能。
                或者
                您可以通过客服电话联系我们关闭个性化推荐功能。
                """;
        assertEquals(List.of("变更"), paths(text));
        String numbered = """
                某App隐私政策
                本政策适用于某App提供的全部产品和服务。
                概要
                本政策将帮助您了解我们如何处理您的个人信息。
                1 我们如何收集和使用个人信息
                我们会收集您的手机号码用于注册账号。
                2 联系我们
                您可以通过客服电话与我们联系。
                """;
        assertEquals(List.of("1 我们如何收集和使用个人信息", "2 联系我们"), paths(numbered));
    }
}
