package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.PermissionRequest.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionExtractorTest {
    private static List<PermissionRequest> run(String text) {
        return new PermissionExtractor().extract(ExtractBCorpus.text(text));
    }

    @Test
    void permissionWithFunctionAsPurpose() {
        List<PermissionRequest> ps = run("当您使用扫一扫功能时，我们会申请相机权限。");
        assertEquals(1, ps.size());
        assertEquals(Permission.CAMERA, ps.get(0).permission());
        assertEquals("扫一扫", ps.get(0).purpose());
    }

    @Test
    void permissionWithoutPurpose() {
        PermissionRequest p = run("我们可能会申请麦克风权限。").get(0);
        assertEquals(Permission.MICROPHONE, p.permission());
        assertNull(p.purpose());
    }

    @Test
    void switchingOffIsNotARequestAndPurposeLessMentionsFold() {
        assertTrue(run("您可以在系统设置中关闭通讯录权限。").isEmpty());
        List<PermissionRequest> ps = run("我们会申请位置权限，用于推荐附近的门店。您可以随时在设置中关闭位置权限。");
        assertEquals(1, ps.size(), ps.toString());
        assertEquals("推荐附近的门店", ps.get(0).purpose());
    }

    @Test
    void listsAndPerPermissionPurposes() {
        List<PermissionRequest> ps = run("我们可能会调用您的存储权限、相册权限、摄像头权限等，相册权限用于保存图片，摄像头权限用于扫描二维码。");
        assertEquals("保存图片", find(ps, Permission.PHOTOS).purpose());
        assertEquals("扫描二维码", find(ps, Permission.CAMERA).purpose());
        assertEquals(Permission.STORAGE, find(ps, Permission.STORAGE).permission());
        List<PermissionRequest> more = run("为了向您推送订单状态，我们需要获取通知权限、日历权限、剪切板权限和蓝牙权限。");
        for (Permission p : List.of(Permission.NOTIFICATIONS, Permission.CALENDAR, Permission.CLIPBOARD,
                Permission.BLUETOOTH)) {
            assertEquals("向您推送订单状态", find(more, p).purpose(), p.name());
        }
    }

    @Test
    void lexiconFileHasVersion() {
        assertTrue(PermissionExtractor.version().startsWith("permissions v"));
    }

    private static PermissionRequest find(List<PermissionRequest> ps, Permission p) {
        return ps.stream().filter(r -> r.permission() == p).findFirst().orElseThrow(() -> new AssertionError(p + " in " + ps));
    }
}
