package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Area;
import dev.policygate.facts.AreaStatement;
import dev.policygate.facts.Citation;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.facts.PiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a learned statement carries besides its area: what the extractors' readers parse from its sentence. */
class AreaStatementReaderTest {
    private static AreaStatement read(Area area, String sentence) {
        String text = "前文。" + sentence + "后文。";
        int start = 3;
        return AreaStatementReader.read(area, 0.9, text, start, start + sentence.length(),
                new Citation(start, start + sentence.length(), "", sentence));
    }

    @Test
    void collectionCarriesItsItemsAndPurpose() {
        AreaStatement s = read(Area.COLLECTION, "为了核验您的身份，您需要填写姓名和身份证号码。");
        assertEquals(List.of("姓名", "身份证件"), s.piTypes().stream().map(PiType::name).toList());
        assertTrue(s.purpose() != null && s.purpose().contains("核验您的身份"), String.valueOf(s.purpose()));
        assertTrue(s.parties().isEmpty() && s.permissions().isEmpty() && s.contacts().isEmpty());
        assertNull(s.period());
    }

    @Test
    void sharingCarriesItsPartiesButNotABareBrand() {
        AreaStatement s = read(Area.SHARING, "我们会将您的手机号码提供给北京某某科技有限公司，用于完成配送。");
        assertEquals(List.of("北京某某科技有限公司"), s.parties());
        assertEquals(List.of("手机号码"), s.piTypes().stream().map(PiType::name).toList());
        // 微信 named in a sharing sentence that speaks of no SDK is no party
        assertTrue(read(Area.SHARING, "您可以将内容分享到微信。").parties().isEmpty());
    }

    @Test
    void storagePermissionsAndContactCarryWhatTheyName() {
        assertEquals("三年", read(Area.STORAGE, "订单信息我们会保存三年。").period());
        assertNull(read(Area.STORAGE, "我们将在15个工作日内答复您。").period());
        assertEquals(List.of(Permission.CAMERA, Permission.MICROPHONE),
                read(Area.PERMISSIONS, "视频通话时我们会使用相机和麦克风权限。").permissions());
        assertEquals(List.of("privacy@example.com"),
                read(Area.CONTACT, "如有疑问，请发送邮件至privacy@example.com与我们联系。").contacts());
        // an area that parses nothing keeps its lists empty
        AreaStatement security = read(Area.SECURITY, "我们会采取合理可行的措施保护您的信息。");
        assertTrue(security.piTypes().isEmpty() && security.parties().isEmpty() && security.contacts().isEmpty());
        assertNull(security.purpose());
    }
}
