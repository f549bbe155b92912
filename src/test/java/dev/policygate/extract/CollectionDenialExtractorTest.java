package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.CollectionDenial;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.ingest.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionDenialExtractorTest {
    private static List<CollectionDenial> run(String text) {
        return new CollectionDenialExtractor().extract(ExtractBCorpus.text(text));
    }

    private static CollectionDenial only(String text) {
        List<CollectionDenial> ds = run(text);
        assertEquals(1, ds.size(), text + " → " + ds);
        return ds.get(0);
    }

    @Test
    void plainDenialsNameTheirPermissionGroups() {
        assertEquals(List.of(Permission.LOCATION), only("我们不会收集您的位置信息。").permissions());
        assertEquals(List.of(Permission.CONTACTS), only("本应用不会获取您的通讯录。").permissions());
        assertEquals(List.of(Permission.CAMERA), only("本应用不会调用您的摄像头权限。").permissions());
        CollectionDenial both = only("我们不会读取您的短信和通话记录。");
        assertEquals(List.of(Permission.CALL_LOG, Permission.SMS), both.permissions());
        assertFalse(both.everything());
    }

    @Test
    void twoDenialsInOneSentenceAreTwoFacts() {
        List<CollectionDenial> ds = run("我们不会收集您的位置信息，也不会获取您的通讯录。");
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(List.of(Permission.LOCATION), ds.get(0).permissions());
        assertEquals(List.of(Permission.CONTACTS), ds.get(1).permissions());
    }

    @Test
    void anyPersonalInformationDeniesEverything() {
        CollectionDenial d = only("本应用为离线工具，我们不收集任何个人信息。");
        assertTrue(d.everything());
        assertEquals("任何个人信息", d.denied());
        assertTrue(only("我们不会收集您的个人信息。").everything());
    }

    @Test
    void theCitationIsTheDenyingSentence() {
        Document doc = ExtractBCorpus.text("一、我们收集的信息\n我们会收集您的手机号码。我们不会收集您的位置信息。");
        CollectionDenial d = new CollectionDenialExtractor().extract(doc).get(0);
        assertEquals("我们不会收集您的位置信息。", d.citations().get(0).quote());
    }

    @Test
    void conditionalRefusalsAreNoDenials() {
        for (String conditional : List.of(
                "未经您同意，我们不会收集您的位置信息。",
                "如您拒绝授权，我们将不会收集您的位置信息。",
                "如果您不开启定位功能，我们不会获取您的位置信息。",
                "在您授权之前，我们不会访问您的通讯录。",
                "我们不会收集您的位置信息，除非您主动开启附近的门店功能。",
                "我们不会获取您的通讯录，但经您单独同意的情形除外。",
                "您关闭相机权限后，我们将不再调用您的摄像头。",
                "当您取消该授权后，我们将不再收集您的地理位置信息，也无法再为您提供上述与之对应的服务；")) {
            assertEquals(List.of(), run(conditional), conditional);
        }
    }

    @Test
    void limitedOrOtherPeoplesRefusalsAreNoDenials() {
        for (String limited : List.of(
                "我们不会收集与服务无关的信息。",
                "我们不会收集超出业务所需范围的位置信息。",
                "我们不会使用您的位置信息用于广告推送。",
                "我们不会收集您的敏感个人信息以外的内容。",
                "如您不使用位置服务，您仍可使用其他功能。",
                "第三方SDK不会获取您的通讯录。",
                "在此期间，我们既不会将该等运作结果用于其他目的，也不会上传或存储至服务器。",
                "我们会收集您的位置信息，用于推荐附近的门店。")) {
            assertEquals(List.of(), run(limited), limited);
        }
    }

    /** The 38 corpus policies all collect; their refusals are conditional (capp_rw_101: 当您取消该授权后，我们将不再收集…). */
    @Test
    void noCorpusPolicyDeniesCollection() {
        for (java.nio.file.Path p : ExtractBCorpus.files()) {
            assertEquals(List.of(), new CollectionDenialExtractor().extract(ExtractBCorpus.load(p)), p.getFileName().toString());
        }
    }
}
