package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line re-flow on synthetic layouts: 10 pt CJK glyphs, text from x=50 to x=450, 14 pt line spacing. */
class PdfReflowTest {
    private static final float LEFT = 50;
    private static final float CW = 10;

    private static final class Page {
        final List<PdfLines.Line> lines = new ArrayList<>();
        float y = 60;

        Page line(String text, float xStart, float xEnd) {
            lines.add(new PdfLines.Line(text, xStart, xEnd, CW, y));
            y += 14;
            return this;
        }

        /** A CJK line whose width follows from its length. */
        Page cjk(String text) {
            return line(text, LEFT, LEFT + CW * text.length());
        }

        Page gap() {
            y += 8;
            return this;
        }
    }

    private static final String FULL = "我".repeat(38) + "们收";  // 40 glyphs: reaches x=450

    @Test
    void wrappedLinesJoinAndShortLinesEndParagraphs() {
        Page p = new Page().cjk("标题").cjk(FULL).cjk("集信息。").cjk("下一段。");
        assertEquals("标题\n" + FULL + "集信息。\n下一段。", PdfText.reflow(List.of(p.lines)));
    }

    @Test
    void fullLineEndingASentenceJoinsUnlessSpacingIndentOrHeadingSaysOtherwise() {
        String fullEnd = "我".repeat(39) + "。";
        String head = FULL + "尾。\n";
        assertEquals(head + fullEnd + "继续。",
                PdfText.reflow(List.of(new Page().cjk(FULL).cjk("尾。").cjk(fullEnd).cjk("继续。").lines)));
        assertEquals(head + fullEnd + "\n新段。",
                PdfText.reflow(List.of(new Page().cjk(FULL).cjk("尾。").gap().cjk(fullEnd).gap().cjk("新段。").lines)));
        assertEquals(head + fullEnd + "\n新段。", PdfText.reflow(List.of(new Page().cjk(FULL).cjk("尾。").cjk(fullEnd)
                .line("新段。", LEFT + 2 * CW, LEFT + 5 * CW).lines)));
        assertEquals(head + fullEnd + "\n二、标题",
                PdfText.reflow(List.of(new Page().cjk(FULL).cjk("尾。").cjk(fullEnd).cjk("二、标题").lines)));
        assertEquals(head + FULL + "\n二、标题",
                PdfText.reflow(List.of(new Page().cjk(FULL).cjk("尾。").cjk(FULL).cjk("二、标题").lines)));
    }

    @Test
    void pageNumbersAndRunningHeadersAreDroppedAndSentencesContinueAcrossPages() {
        List<List<PdfLines.Line>> pages = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        String[] glyphs = {"甲", "乙", "丙", "丁"};
        for (int i = 1; i <= 4; i++) {
            String a = glyphs[i - 1].repeat(39) + "一";
            String b = glyphs[i - 1].repeat(39) + "二";
            pages.add(new Page().cjk("某某公司隐私政策").cjk(a).cjk(b).line("第 " + i + " 页", 240, 270).lines);
            expected.append(a).append(b);
        }
        assertEquals(expected.toString(), PdfText.reflow(pages));
    }

    @Test
    void latinWordsWrappedAtSpacesGetTheirSpaceBack() {
        Page p = new Page().line("Contact us at the address below or write to", LEFT, 440)
                .line("privacy@example.com for help.", LEFT, 200);
        assertEquals("Contact us at the address below or write to privacy@example.com for help.",
                PdfText.reflow(List.of(p.lines)));
        String start = "我".repeat(33) + "请发送邮件至【";
        Page q = new Page().cjk(FULL).cjk("尾。").cjk(start).line("app@mail.gov.cn】联系我们。", LEFT, 250);
        // the e-mail address did not fit after 【: the line wrapped early, it is not a paragraph end
        assertEquals(FULL + "尾。\n" + start + "app@mail.gov.cn】联系我们。", PdfText.reflow(List.of(q.lines)));
    }
}
