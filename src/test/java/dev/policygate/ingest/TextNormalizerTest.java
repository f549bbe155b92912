package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void foldsWhitespaceAndDropsInvisibleCharacters() {
        String raw = "\ufeff  标题\r\n\r\n\t正文\u00a0\u00a0第一段\u3000结束。 \r\n\u200b\n  \n第二段\u200d内容\u0007\r末行  ";
        assertEquals("标题\n正文 第一段 结束。\n第二段内容\n末行", TextNormalizer.normalize(raw));
    }

    @Test
    void unicodeLineSeparatorsBreakLines() {
        assertEquals("一\n二\n三", TextNormalizer.normalize("一\u2028二\u2029三"));
    }

    @Test
    void fullWidthDigitsAndLettersAreAsciiAndChinesePunctuationStays() {
        assertEquals("我们将在15个工作日内（含）答复，邮箱：privacy@example.com；电话：400-123",
                TextNormalizer.normalize("我们将在１５个工作日内（含）答复，邮箱：ｐｒｉｖａｃｙ＠ｅｘａｍｐｌｅ.ｃｏｍ；电话：４００-１２３"));
    }
}
