package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.CrossBorderTransfer;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossBorderExtractorTest {
    private static List<CrossBorderTransfer> run(String text) {
        return new CrossBorderExtractor().extract(ExtractBCorpus.text(text));
    }

    @Test
    void conditionalIsNotActual() {
        List<CrossBorderTransfer> cb = run("如需将您的个人信息传输至境外，我们会单独征得您的同意。");
        assertEquals(1, cb.size());
        assertFalse(cb.get(0).actual());
        assertTrue(cb.get(0).separateConsent());
        assertFalse(run("如部分产品或服务涉及跨境，我们需要向境外传输您的个人信息，我们会事先征求您的同意。").get(0).actual());
    }

    @Test
    void aHeadingAboutTransfersAbroadIsNoTransfer() {
        List<CrossBorderTransfer> cb = run("五、个人信息出境\n如需向境外提供您的个人信息，我们会另行征得您的同意。");
        assertEquals(1, cb.size(), cb.toString());
        assertFalse(cb.get(0).actual());
        assertTrue(run("## 第六条 数据出境\n").isEmpty());
        assertTrue(run("六、数据出境\n我们会将您的订单信息传输至境外，用于国际配送。").get(0).actual());
    }

    @Test
    void denialIsNotActual() {
        assertFalse(run("我们不会将您的个人信息传输至境外。").get(0).actual());
        assertFalse(run("本服务暂未涉及个人信息出境。").get(0).actual());
    }

    @Test
    void actualTransferWithDetails() {
        String text = "为向您提供国际汇款服务，我们会将您的姓名、银行账号传输至境外接收方：ABC Bank Ltd.，"
                + "您可以通过客服联系境外接收方行使您的权利。我们已与其签订标准合同，并会在传输前单独征得您的同意。";
        List<CrossBorderTransfer> cb = run(text);
        assertEquals(1, cb.size(), cb.toString());
        CrossBorderTransfer t = cb.get(0);
        assertTrue(t.actual());
        assertEquals("ABC Bank Ltd.", t.recipient());
        assertTrue(t.purpose().contains("国际汇款"));
        assertTrue(t.piTypes().containsAll(List.of("姓名", "银行账户")));
        assertTrue(t.rightsExercise());
        assertTrue(t.protectionMeasures());
        assertTrue(t.separateConsent());
    }

    @Test
    void latinRecipientNameRightAfterTheRecipientWord() {
        assertEquals("Example Logistics Ltd.",
                run("我们会将您的收货地址提供给境外接收方Example Logistics Ltd.，用于国际配送。").get(0).recipient());
        assertEquals("Acme Co., Ltd.", run("我们会将您的订单信息传输给境外公司Acme Co., Ltd.（新加坡），用于清关。").get(0).recipient());
        assertEquals("Globex GmbH", run("我们会将您的订单信息传输给境外接收方Globex GmbH。").get(0).recipient());
        assertEquals("Foo Trading Pte. Ltd.",
                run("我们会将您的订单信息传输至境外接收方（名称：Foo Trading Pte. Ltd.），用于清关。").get(0).recipient());
        assertEquals(null, run("我们会将您的订单信息提供给境外接收方，您可以联系境外接收方行使权利。").get(0).recipient());
    }

    @Test
    void nothingAboutAbroad() {
        assertTrue(run("我们会将您的个人信息存储在中华人民共和国境内。").isEmpty());
        assertTrue(run("该网站为境外网站，可能无法直接访问。").isEmpty());
    }
}
