package dev.policygate.ingest;

import dev.policygate.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlIngestTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The corpus policy as a web page would carry it, with navigation, scripts and a table added. */
    static String asHtml(String text) {
        String[] lines = text.split("\n");
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>隐私政策 - 国务院客户端</title>\n")
                .append("<style>p { margin: 0 } .x::before { content: '一、伪标题' }</style>\n")
                .append("<script>var toc = '一、我们如何收集和使用您的个人信息'; if (a < b) { go(); }</script></head>\n<body>\n")
                .append("<header><div class=\"logo\">站点标志文字</div></header>\n")
                .append("<nav><ul><li>首页</li><li>服务</li><li>一、我们如何收集和使用您的个人信息</li></ul></nav>\n")
                .append("<noscript>请启用JavaScript。</noscript>\n<div style=\"display: none\">隐藏的文字。</div>\n")
                .append("<main><article>\n");
        boolean first = true;
        boolean inToc = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (first) {
                h.append("<h1>").append(esc(line)).append("</h1>\n");
                first = false;
                continue;
            }
            boolean chapter = line.matches("[一二三四五六七八九十]+、.{1,30}");
            if (chapter && !inToc && h.indexOf("<h2>") < 0 && h.indexOf("<ul class=\"toc\">") < 0) {
                h.append("<ul class=\"toc\">\n");
                inToc = true;
            }
            if (inToc && !chapter) {
                h.append("</ul>\n");
                inToc = false;
            }
            if (inToc) {
                h.append("  <li><a href=\"#s\">").append(esc(line)).append("</a></li>\n");
            } else if (chapter) {
                h.append("<h2 id=\"s\">").append(esc(line)).append("</h2>\n");
            } else if (line.matches("\\d\\.[^，。；]{1,15}")) {
                h.append("<h3>").append(esc(line)).append("</h3>\n");
            } else {
                // source line breaks between CJK characters, an entity, inline markup
                String body = esc(line);
                int cut = body.length() / 2;
                if (cut > 2 && Character.UnicodeScript.of(body.charAt(cut - 1)) == Character.UnicodeScript.HAN
                        && Character.UnicodeScript.of(body.charAt(cut)) == Character.UnicodeScript.HAN) {
                    body = body.substring(0, cut) + "\n      " + body.substring(cut);
                }
                body = body.replaceFirst("我们", "<strong>我们</strong>");
                h.append("<p>\n    ").append(body).append("\n</p>\n");
            }
        }
        h.append("<table border=\"1\"><thead><tr><th>业务场景</th><th>收集目的</th><th>收集字段</th></tr></thead>\n")
                .append("<tbody><tr><td>注册</td><td><p>创建账号</p></td><td>手机号码、密码</td></tr>\n")
                .append("<tr><td>实名认证</td><td>核验身份</td><td>姓名、身份证号码</td></tr></tbody></table>\n");
        h.append("</article></main>\n<footer>版权所有 © 站点 <a href=\"/about\">关于我们</a></footer>\n")
                .append("<script src=\"/app.js\"></script>\n</body></html>\n");
        return h.toString();
    }

    private static List<String> texts(Document d) {
        return d.sentences().stream().map(Sentence::text).toList();
    }

    @Test
    void htmlVersionGivesTheSameSentencesAndSectionsAsText() {
        for (String id : new String[] {"003_", "004_", "capp_rw_001"}) {
            String text = Corpus.text(id);
            Document txt = INGESTOR.ingestText(text);
            Document html = INGESTOR.ingest(asHtml(text).getBytes(StandardCharsets.UTF_8), null);
            assertEquals(SourceFormat.HTML, html.sourceFormat());
            List<Sentence> body = html.sentences().stream().filter(s -> !s.text().contains(" | ")).toList();
            assertEquals(texts(txt), body.stream().map(Sentence::text).toList(), id);
            assertEquals(txt.sentences().stream().map(Sentence::section).toList(),
                    body.stream().map(Sentence::section).toList(), id);
            assertEquals(txt.sections().stream().map(Section::path).toList(),
                    html.sections().stream().map(Section::path).toList(), id);
            String n = html.normalizedText();
            for (String noise : new String[] {"var toc", "首页", "站点标志", "请启用", "隐藏的文字", "版权所有", "margin", "伪标题"}) {
                assertFalse(n.contains(noise), noise);
            }
            assertTrue(n.contains("\n业务场景 | 收集目的 | 收集字段\n注册 | 创建账号 | 手机号码、密码\n"), n);
            CitationInvariantTest.assertNormalised(n);
            CitationInvariantTest.assertSections(html);
            CitationInvariantTest.assertSentences(html);
        }
    }

    @Test
    void headingsBecomeMarkdownAndUnnumberedOnesMakeSections() {
        String html = "<html><body><h1>某某App隐私政策</h1><p>引言。</p><h2>我们收集的信息</h2><p>我们收集手机号。</p>"
                + "<h3>设备信息</h3><p>我们收集设备型号；以及IMEI。</p><h2>联系我们</h2><p>电话：12345。</p></body></html>";
        Document d = INGESTOR.ingest(html.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("# 某某App隐私政策\n引言。\n## 我们收集的信息\n我们收集手机号。\n### 设备信息\n我们收集设备型号；以及IMEI。\n"
                + "## 联系我们\n电话：12345。", d.normalizedText());
        assertEquals(List.of("我们收集的信息", "我们收集的信息 > 设备信息", "联系我们"),
                d.sections().stream().map(Section::path).toList());
        assertEquals(List.of("某某App隐私政策", "引言。", "我们收集的信息", "我们收集手机号。", "设备信息", "我们收集设备型号；",
                "以及IMEI。", "联系我们", "电话：12345。"), texts(d));
        assertEquals("我们收集的信息 > 设备信息", d.sentences().get(6).section());
    }

    @Test
    void aSingleH1AfterOtherLinesIsStillTheTitle() {
        String html = "<body><div>更新日期：2024年1月1日</div><h1>某某App隐私政策</h1><h2>一、我们收集的信息</h2><p>手机号。</p>"
                + "<h2>二、我们如何共享</h2><p>不共享。</p></body>";
        Document d = INGESTOR.ingest(html.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("一、我们收集的信息", "二、我们如何共享"), d.sections().stream().map(Section::path).toList());
        String two = "<body><h1>第一部分</h1><p>甲。</p><h1>第二部分</h1><p>乙。</p></body>"; // numbered: real headings
        Document d2 = INGESTOR.ingest(two.getBytes(StandardCharsets.UTF_8), SourceFormat.HTML);
        assertEquals(List.of("第一部分", "第二部分"), d2.sections().stream().map(Section::path).toList());
    }

    @Test
    void aNumberedBoldRunThatOpensItsParagraphIsAHeading() {
        String html = "<html><body><p><strong>一、我们如何收集您的信息</strong>我们会收集您的手机号码，用于注册。</p>"
                + "<p><b>（一）</b><b>委托处理</b> 我们可能委托合作方处理您的信息。</p>"
                + "<p><strong>二、我们如何保护您的信息</strong></p><p><strong>敏感个人信息</strong>是指一旦泄露可能危害人身安全的信息。</p>"
                + "<p><strong>1. 位置信息</strong>：用于推荐附近的服务。</p>"
                + "<p><strong>2. 我们不会</strong>，也不允许第三方出售您的信息。</p>"
                + "<p><strong>3. 我们会采取加密等措施保护您的信息。</strong>详见下文。</p>"
                + "<p class=MsoNormal><b><span lang=EN-US>三、</span></b><b><span>联系我们</span></b> <span>如有问题，请联系我们。</span></p>"
                + "<p><span style=\"font-weight: bold;\">四、</span><span style=\"font-weight:700\">政策更新</span>本政策会不时更新。</p>"
                + "</body></html>";
        Document d = INGESTOR.ingest(html.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(String.join("\n", "一、我们如何收集您的信息", "我们会收集您的手机号码，用于注册。", "（一）委托处理",
                "我们可能委托合作方处理您的信息。", "二、我们如何保护您的信息", "敏感个人信息是指一旦泄露可能危害人身安全的信息。",
                "1. 位置信息：用于推荐附近的服务。", "2. 我们不会，也不允许第三方出售您的信息。",
                "3. 我们会采取加密等措施保护您的信息。详见下文。", "三、联系我们", "如有问题，请联系我们。", "四、政策更新",
                "本政策会不时更新。"), d.normalizedText());
        assertEquals("三、联系我们", d.sentences().get(d.sentences().size() - 3).section());
        // indented by full-width or no-break spaces, as CMS and Word pages indent a paragraph's first line
        Document indented = INGESTOR.ingest(("<p>\u3000\u3000<strong>一、我们如何收集您的信息</strong>我们会收集您的手机号码。</p>"
                + "<p>&nbsp;<b>二、我们如何保护您的信息</b>我们采取加密措施。</p>").getBytes(StandardCharsets.UTF_8),
                SourceFormat.HTML);
        assertEquals(List.of("一、我们如何收集您的信息", "二、我们如何保护您的信息"),
                indented.sections().stream().map(Section::path).toList());
        // not headings: a number alone, an item's name with its colon inside the bold, a question, a quantity, and
        // Word's mso-bidi-font-weight (bold only for right-to-left text)
        for (String item : List.of("<b>（1）</b>收集手机号码，用于注册。", "<strong>1. 位置信息：</strong>用于推荐附近的服务。",
                "<strong>1. 什么是个人信息</strong>？个人信息是指各种信息。", "<strong>14 周岁以下儿童</strong>的个人信息受特别保护。",
                "<span style=\"mso-bidi-font-weight:bold\">一、我们收集的信息</span>我们收集手机号码。")) {
            Document one = INGESTOR.ingest(("<p>" + item + "</p>").getBytes(StandardCharsets.UTF_8), SourceFormat.HTML);
            assertFalse(one.normalizedText().contains("\n"), item + " -> " + one.normalizedText());
        }
        assertEquals(List.of("一、我们如何收集您的信息", "一、我们如何收集您的信息 > （一）委托处理", "二、我们如何保护您的信息"),
                d.sections().stream().map(Section::path).toList().subList(0, 3));
        assertEquals("一、我们如何收集您的信息", d.sentences().get(1).section());
    }

    @Test
    void brAndListsKeepLines() {
        String html = "<div>一、总则<br>本政策适用于本应用。<br/><ul><li>1.收集手机号码用于注册登录服务。</li><li>2.收集位置信息用于推荐附近的服务。</li></ul></div>";
        Document d = INGESTOR.ingest(html.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(SourceFormat.HTML, d.sourceFormat());
        assertEquals("一、总则\n本政策适用于本应用。\n1.收集手机号码用于注册登录服务。\n2.收集位置信息用于推荐附近的服务。", d.normalizedText());
    }

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() {
        int depth = 10_000;
        StringBuilder h = new StringBuilder("<html><body>");
        h.append("<div>".repeat(depth)).append("一、深层内容<p>我们收集您的手机号码。</p>").append("</div>".repeat(depth));
        h.append("</body></html>");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                Document d = INGESTOR.ingest(bytes, null);
                assertTrue(d.normalizedText().contains("我们收集您的手机号码。"));
            } catch (IngestException e) {
                assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 500);
            }
        });
        // also with unclosed tags and inline nesting
        String inline = "<html><body>" + "<span><b><i>".repeat(depth) + "文字。" + "</body></html>";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                INGESTOR.ingest(inline.getBytes(StandardCharsets.UTF_8), SourceFormat.HTML);
            } catch (IngestException e) {
                assertTrue(e.httpStatus() >= 400 && e.httpStatus() < 500);
            }
        });
    }

    @Test
    void gbkHtmlWithMetaCharset() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head>"
                + "<body><h2>一、我们如何收集信息</h2><p>我们会收集您的手机号码。</p></body></html>";
        Document d = INGESTOR.ingest(html.getBytes(Charset.forName("GBK")), null);
        assertEquals("## 一、我们如何收集信息\n我们会收集您的手机号码。", d.normalizedText());
        assertEquals("一、我们如何收集信息", d.sections().get(0).path());
    }

    @Test
    void declaredFormatMustMatch() {
        byte[] html = "<!doctype html><html><body><p>我们收集信息。</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(IngestException.class, () -> INGESTOR.ingest(html, SourceFormat.TEXT)).httpStatus());
        assertEquals(415, assertThrows(IngestException.class, () -> INGESTOR.ingest(html, SourceFormat.PDF)).httpStatus());
        byte[] plain = "一、我们如何收集信息\n我们会收集您的手机号码。".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(IngestException.class, () -> INGESTOR.ingest(plain, SourceFormat.HTML)).httpStatus());
        assertEquals(SourceFormat.TEXT, INGESTOR.ingest(plain, null).sourceFormat());
        assertEquals(SourceFormat.HTML, INGESTOR.ingest(html, SourceFormat.HTML).sourceFormat());
    }

    @Test
    void emptyHtmlIsEmpty() {
        byte[] html = "<html><head><script>x()</script></head><body> &nbsp; <nav>菜单</nav></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(400, assertThrows(IngestException.class, () -> INGESTOR.ingest(html, null)).httpStatus());
    }
}
