package dev.policygate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static final Ingestor INGESTOR = new Ingestor();

    private static List<String> sentences(String text) {
        Document d = INGESTOR.ingestText(text);
        return d.sentences().stream().map(Sentence::text).toList();
    }

    @Test
    void splitsOnChineseAndAsciiTerminatorsAndLines() {
        assertEquals(List.of("我们收集手机号。", "您同意吗？", "好的！", "包括：姓名；", "电话;", "地址", "第二行"),
                sentences("我们收集手机号。您同意吗？好的！包括：姓名；电话; 地址\n第二行"));
    }

    @Test
    void closingQuotesStayWithTheSentence() {
        assertEquals(List.of("他说：“我们不会共享。”", "（详见附录。）", "结束"),
                sentences("他说：“我们不会共享。”（详见附录。）结束"));
    }

    @Test
    void urlsAndDecimalsAreNotSplit() {
        assertEquals(List.of("访问 https://example.com/p?id=1&x=2 查看。", "版本1.2.3已发布。"),
                sentences("访问 https://example.com/p?id=1&x=2 查看。版本1.2.3已发布。"));
    }

    @Test
    void punctuationOnlyPiecesAreDropped() {
        assertEquals(List.of("正文。。。"), sentences("正文。。。\n；；\n——"));
    }
}
