package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.PermissionRequest.Permission;
import java.util.List;
import java.util.Map;
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
    void deviceResourcesUsedWithoutTheWordPermission() {
        record Case(String sentence, Permission permission, String purpose) {
        }
        for (Case c : List.of(
                new Case("我们会请求调用您的摄像头，用于扫描二维码。", Permission.CAMERA, "扫描二维码"),
                new Case("为了让您可以上传头像，我们需要访问您的相册。", Permission.PHOTOS, "让您可以上传头像"),
                new Case("语音搜索需要使用您设备的麦克风。", Permission.MICROPHONE, "语音搜索"),
                new Case("我们会在您开启后使用蓝牙，用于连接智能设备。", Permission.BLUETOOTH, "连接智能设备"),
                new Case("为保存电子证照到手机，我们需要获得存储权限。", Permission.STORAGE, "保存电子证照到手机"),
                new Case("当您使用附近网点功能时，我们会向您申请定位权限，以便为您展示附近的网点。", Permission.LOCATION,
                        "为您展示附近的网点"),
                // a sensor by any name
                new Case("为了调整拍摄亮度，我们会调用您的光线传感器。", Permission.SENSORS, "调整拍摄亮度"),
                new Case("我们会调用您的加速度传感器，以便识别您的摇一摇操作。", Permission.SENSORS, "识别您的摇一摇操作"))) {
            List<PermissionRequest> ps = run(c.sentence());
            assertEquals(1, ps.size(), c.sentence() + " " + ps);
            assertEquals(c.permission(), ps.get(0).permission(), c.sentence());
            assertEquals(c.purpose(), ps.get(0).purpose(), c.sentence());
        }
        // a denial, an actor without a function, information rather than a device part
        assertTrue(run("我们不会调用您的摄像头。").isEmpty());
        assertTrue(run("我们不会调用您的光线传感器。").isEmpty());
        assertNull(run("我们会使用您的相机。").get(0).purpose());
        assertTrue(run("我们会使用您的位置信息推荐附近的门店。").isEmpty());
    }

    @Test
    void theItemsOfAPermissionListNamedBeforeAColon() {
        List<PermissionRequest> ps = run(String.join("\n",
                "我们会向系统申请以下设备权限：",
                "相机及麦克风：拍摄和录制短视频，如您不开启相应权限，将无法使用该功能，但不影响其他服务。",
                "存储：安装应用时会申请此权限，目的是为了缓存您浏览过的图片。",
                "2.通讯录：当您邀请好友时，我们会申请该权限。",
                "说明：部分系统默认授予读取应用列表的权限。",
                "定位：我们不会申请此权限。"));
        assertFalse(ps.isEmpty());
        Map<Permission, String> purposes = new java.util.EnumMap<>(Permission.class);
        ps.forEach(p -> purposes.put(p.permission(), p.purpose()));
        assertEquals("拍摄和录制短视频", purposes.get(Permission.CAMERA));
        assertEquals("拍摄和录制短视频", purposes.get(Permission.MICROPHONE));
        assertEquals("为了缓存您浏览过的图片", purposes.get(Permission.STORAGE));
        assertTrue(purposes.containsKey(Permission.CONTACTS), "an item that names its permission");
        assertNull(purposes.get(Permission.CONTACTS), "a condition (当…时) is not its purpose");
        assertFalse(purposes.containsKey(Permission.INSTALLED_APPS) && purposes.get(Permission.INSTALLED_APPS) != null,
                "说明 is no permission's name");
        assertFalse(purposes.containsKey(Permission.LOCATION), "a permission the item says is not asked for");
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

    /** Every sentence that asks for a permission is quoted: the ones with its purpose first, then the others. */
    @Test
    void aPermissionsFactCitesEachSentenceThatAsksForIt() {
        List<PermissionRequest> ps = run("护眼模式需要请求您的相机权限。当您使用扫一扫功能时，我们会申请相机权限。"
                + "我们会申请相机权限，用于拍摄头像。我们会申请麦克风权限，用于语音搜索。");
        PermissionRequest camera = find(ps, Permission.CAMERA);
        assertEquals("扫一扫", camera.purpose());
        assertEquals(List.of("当您使用扫一扫功能时，我们会申请相机权限。", "护眼模式需要请求您的相机权限。"),
                camera.citations().stream().map(dev.policygate.facts.Citation::quote).toList(), ps.toString());
        // the head-shot sentence gives the camera a purpose of its own: a fact of its own
        assertEquals(1, ps.stream().filter(p -> p.permission() == Permission.CAMERA && p.purpose() != null
                && p.purpose().contains("头像")).count(), ps.toString());
        assertEquals(1, find(ps, Permission.MICROPHONE).citations().size());
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
