package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.CessationClause;
import dev.policygate.facts.CrossBorderTransfer;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.IncidentNotification;
import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.facts.PiType;
import dev.policygate.facts.Retention;
import dev.policygate.facts.RetentionExpiry;
import dev.policygate.facts.SecurityMeasure;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SharingClause;
import dev.policygate.facts.StorageLocation;
import dev.policygate.facts.ThirdParty;
import dev.policygate.ingest.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Facts verified by reading the five government corpus policies. */
class GovernmentPoliciesExtractBTest {

    private static List<Fact> facts(String prefix) {
        Document d = ExtractBCorpus.doc(prefix);
        List<Fact> out = new ArrayList<>();
        for (AreaExtractor a : ExtractBCorpus.areas()) {
            out.addAll(a.extract(d));
        }
        return out;
    }

    private static <T> List<T> of(List<Fact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T one(List<Fact> facts, Class<T> type, Predicate<T> p, String what) {
        Optional<T> f = of(facts, type).stream().filter(p).findFirst();
        assertTrue(f.isPresent(), "missing " + what + " among " + of(facts, type));
        return f.get();
    }

    private static boolean hasType(DataCollection c, String name) {
        return c.piTypes().stream().anyMatch(t -> t.name().equals(name));
    }

    private static Optional<PermissionRequest> permission(List<Fact> f, Permission p, String purposeWord) {
        return of(f, PermissionRequest.class).stream()
                .filter(r -> r.permission() == p && r.purpose() != null && r.purpose().contains(purposeWord))
                .findFirst();
    }

    // ---- 003 国务院客户端 -----------------------------------------------------------------------------------

    @Test
    void gov003StateCouncilApp() {
        List<Fact> f = facts("003_");
        DataCollection reg = one(f, DataCollection.class, c -> "注册国务院客户端账号".equals(c.function()), "registration");
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, reg.method());
        assertTrue(hasType(reg, "手机号码") && hasType(reg, "密码"));
        DataCollection realName = one(f, DataCollection.class, c -> hasType(c, "面部识别特征"), "real-name collection");
        assertTrue(realName.openEnded(), "姓名、身份证号码、脸部图像或视频等信息 is open-ended");
        assertEquals(Boolean.TRUE, realName.optional());
        PiType face = realName.piTypes().stream().filter(t -> t.name().equals("面部识别特征")).findFirst().orElseThrow();
        assertTrue(face.sensitive());
        assertEquals("个人生物识别信息", face.category());
        DataCollection device = one(f, DataCollection.class, c -> hasType(c, "设备信息"), "device info");
        assertEquals(DataCollection.Method.COLLECTED_AUTOMATICALLY, device.method());
        assertTrue(device.openEnded());

        assertTrue(permission(f, Permission.STORAGE, "拍照上传").isPresent());
        assertTrue(permission(f, Permission.LOCATION, "查询所在的服务地区").isPresent());
        assertTrue(permission(f, Permission.CAMERA, "扫一扫").isPresent());
        assertTrue(permission(f, Permission.MICROPHONE, "语音").isPresent());
        assertTrue(of(f, PermissionRequest.class).stream().allMatch(p -> p.purpose() != null));

        SensitivePiLabel label = one(f, SensitivePiLabel.class, l -> l.piTypes().contains("身份证件"), "label");
        assertFalse(label.inDefinitions());
        assertTrue(label.piTypes().contains("面部识别特征"));

        assertEquals(List.of(Retention.Kind.AS_LONG_AS_NECESSARY),
                of(f, Retention.class).stream().map(Retention::kind).toList());
        assertTrue(of(f, StorageLocation.class).isEmpty(), "003 does not say where PI is stored");
        assertTrue(of(f, CrossBorderTransfer.class).isEmpty());
        assertTrue(of(f, ThirdParty.class).stream().noneMatch(ThirdParty::named), "only unnamed 合作单位");
        assertTrue(of(f, ThirdParty.class).stream().anyMatch(t -> "合作单位".equals(t.provider())));

        List<SharingClause.Kind> sharing = of(f, SharingClause.class).stream().map(SharingClause::kind).toList();
        assertTrue(sharing.containsAll(List.of(SharingClause.Kind.PUBLIC_DISCLOSURE_CONSENT,
                SharingClause.Kind.ENTRUSTED_PROCESSING, SharingClause.Kind.ENTRUSTED_BOUND)), sharing.toString());
        assertFalse(sharing.contains(SharingClause.Kind.MERGER_TRANSFER));
        // "只有共享您的信息,才能提供您需要的产品或服务" states the condition on which 003 shares
        SharingClause conditions = one(f, SharingClause.class, c -> c.kind() == SharingClause.Kind.SHARING_CONDITIONS,
                "sharing conditions");
        assertTrue(conditions.citations().get(0).quote().contains("只有共享您的信息"), conditions.toString());
        // the user's "分享到第三方社交媒体的信息" in a log-data list is no recipient
        assertTrue(of(f, ThirdParty.class).stream().noneMatch(
                t -> t.citations().stream().anyMatch(c -> c.quote().contains("分享到第三方社交媒体"))),
                of(f, ThirdParty.class).toString());

        List<SecurityMeasure.Kind> measures = of(f, SecurityMeasure.class).stream().map(SecurityMeasure::kind).toList();
        assertTrue(measures.containsAll(List.of(SecurityMeasure.Kind.ENCRYPTION, SecurityMeasure.Kind.ACCESS_CONTROL,
                SecurityMeasure.Kind.CERTIFICATION)), measures.toString());
        IncidentNotification inc = of(f, IncidentNotification.class).get(0);
        assertFalse(inc.describesContent(), "003 only promises to tell, not what");
        assertEquals(List.of("公告"), inc.channels());
        assertTrue(of(f, CessationClause.class).isEmpty());
    }

    // ---- 000 政务助手 ---------------------------------------------------------------------------------------

    @Test
    void gov000ZhengwuZhushou() {
        List<Fact> f = facts("000_");
        ThirdParty face = one(f, ThirdParty.class, t -> "百度人脸识别SDK".equals(t.service()), "Baidu face SDK");
        assertEquals(ThirdParty.Kind.SDK, face.kind());
        assertEquals("北京百度网讯科技有限公司", face.provider());
        assertTrue(face.named());
        assertTrue(face.purpose().contains("人脸识别"));
        assertTrue(face.piTypes().contains("面部识别特征"));
        assertEquals("深圳市腾讯计算机系统有限公司",
                one(f, ThirdParty.class, t -> "微信分享SDK".equals(t.service()), "WeChat share SDK").provider());
        assertEquals("苹果公司", one(f, ThirdParty.class, t -> "Apple ID SDK".equals(t.service()), "Apple SDK").provider());

        DataCollection reg = one(f, DataCollection.class, c -> "注册政务助手".equals(c.function()), "registration");
        assertTrue(reg.purpose().contains("完成注册"));
        assertTrue(hasType(reg, "姓名") && hasType(reg, "手机号码") && hasType(reg, "身份证件"));
        DataCollection table = one(f, DataCollection.class, c -> "注册、登录".equals(c.function()), "table row");
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, table.method());
        assertTrue(table.purpose().contains("注册创建账号"));

        assertTrue(permission(f, Permission.CAMERA, "刷脸验证").isPresent());
        assertTrue(permission(f, Permission.STORAGE, "手写签名").isPresent());

        SensitivePiLabel label = one(f, SensitivePiLabel.class, l -> !l.inDefinitions(), "label at collection");
        assertEquals(List.of("手机号码", "身份证件"), label.piTypes());

        assertEquals(StorageLocation.Region.MAINLAND_CHINA, of(f, StorageLocation.class).get(0).region());
        List<CrossBorderTransfer> cb = of(f, CrossBorderTransfer.class);
        assertEquals(1, cb.size());
        assertFalse(cb.get(0).actual(), "如部分产品或服务涉及跨境 … 我们会事先征求您的同意 is conditional");
        assertTrue(of(f, Retention.class).stream().anyMatch(r -> r.kind() == Retention.Kind.WHILE_USING_SERVICE));
        List<RetentionExpiry.Action> expiry = of(f, RetentionExpiry.class).stream().map(RetentionExpiry::action).toList();
        assertTrue(expiry.containsAll(List.of(RetentionExpiry.Action.DELETE, RetentionExpiry.Action.ANONYMISE)));

        IncidentNotification inc = of(f, IncidentNotification.class).get(0);
        assertTrue(inc.describesContent());
        assertTrue(inc.channels().containsAll(List.of("邮件", "电话", "推送通知")));
        CessationClause cease = of(f, CessationClause.class).get(0);
        assertTrue(cease.notifiesUsers() && cease.stopsCollection() && cease.deletesOrAnonymises());

        List<SharingClause.Kind> sharing = of(f, SharingClause.class).stream().map(SharingClause::kind).toList();
        assertTrue(sharing.containsAll(List.of(SharingClause.Kind.SHARING_CONDITIONS,
                SharingClause.Kind.CONSENT_BEFORE_SHARING, SharingClause.Kind.PUBLIC_DISCLOSURE_CONSENT,
                SharingClause.Kind.MERGER_TRANSFER, SharingClause.Kind.ENTRUSTED_BOUND)), sharing.toString());
    }

    // ---- 001 穗好办 -----------------------------------------------------------------------------------------

    @Test
    void gov001SuiHaoBan() {
        List<Fact> f = facts("001_");
        assertEquals("高德软件有限公司",
                one(f, ThirdParty.class, t -> "高德地图SDK".equals(t.service()), "AMap SDK").provider());
        assertEquals("深圳市和讯华谷信息技术有限公司",
                one(f, ThirdParty.class, t -> "极光推送SDK".equals(t.service()), "JPush SDK").provider());
        assertEquals("蚂蚁集团", one(f, ThirdParty.class, t -> "阿里支付SDK".equals(t.service()), "Alipay SDK").provider());
        ThirdParty ccb = one(f, ThirdParty.class, t -> "建行SDK".equals(t.service()), "CCB SDK");
        assertEquals("中国建设银行", ccb.provider());
        assertTrue(ccb.piTypes().containsAll(List.of("姓名", "手机号码")));
        assertTrue(permission(f, Permission.CONTACTS, "话费充值").isPresent());
        assertTrue(permission(f, Permission.CAMERA, "刷脸").isPresent());
        assertEquals(StorageLocation.Region.MAINLAND_CHINA, of(f, StorageLocation.class).get(0).region());
        // a cross-border clause that transfers nothing abroad (it would ask for separate consent first)
        assertFalse(of(f, CrossBorderTransfer.class).isEmpty());
        assertTrue(of(f, CrossBorderTransfer.class).stream().noneMatch(CrossBorderTransfer::actual));
        assertFalse(of(f, SensitivePiLabel.class).isEmpty());
        assertTrue(of(f, SensitivePiLabel.class).stream().allMatch(SensitivePiLabel::inDefinitions),
                "001 labels sensitive PI only in its definitions");
    }

    // ---- 002 天府通办 ---------------------------------------------------------------------------------------

    @Test
    void gov002TianfuTongban() {
        List<Fact> f = facts("002_");
        assertTrue(permission(f, Permission.LOCATION, "附近").isPresent());
        assertTrue(permission(f, Permission.CAMERA, "扫一扫").isPresent());
        assertTrue(permission(f, Permission.NOTIFICATIONS, "推送").isPresent());
        ThirdParty list = one(f, ThirdParty.class, ThirdParty::listedSeparately, "separate SDK list");
        assertTrue(list.service().contains("共享清单"));
        assertFalse(list.named());

        List<Retention> ret = of(f, Retention.class);
        assertTrue(ret.stream().anyMatch(r -> r.kind() == Retention.Kind.AS_LONG_AS_NECESSARY));
        assertTrue(ret.stream().anyMatch(r -> r.kind() == Retention.Kind.CRITERIA));
        assertTrue(ret.stream().anyMatch(r -> r.kind() == Retention.Kind.PERIOD && "不少于三年".equals(r.period())));
        StorageLocation loc = of(f, StorageLocation.class).get(0);
        assertEquals(StorageLocation.Region.MAINLAND_CHINA, loc.region());
        assertEquals("中华人民共和国境内", loc.place());
        List<CrossBorderTransfer> cb = of(f, CrossBorderTransfer.class);
        assertEquals(1, cb.size());
        assertFalse(cb.get(0).actual(), "天府通办服务暂未涉及信息出境情况");

        List<SecurityMeasure.Kind> measures = of(f, SecurityMeasure.class).stream().map(SecurityMeasure::kind).toList();
        assertTrue(measures.containsAll(List.of(SecurityMeasure.Kind.SECURE_TRANSMISSION,
                SecurityMeasure.Kind.ENCRYPTION, SecurityMeasure.Kind.CERTIFICATION, SecurityMeasure.Kind.TRAINING,
                SecurityMeasure.Kind.EMERGENCY_PLAN)), measures.toString());
        IncidentNotification inc = of(f, IncidentNotification.class).get(0);
        assertTrue(inc.describesContent());
        assertTrue(inc.channels().containsAll(List.of("短信", "电话")));
        DataCollection phone = one(f, DataCollection.class,
                c -> c.purpose() != null && c.purpose().contains("普通话考试"), "education service");
        assertTrue(hasType(phone, "姓名") && hasType(phone, "身份证件"));
        assertEquals(DataCollection.Method.PROVIDED_BY_USER, phone.method());
    }

    // ---- 004 陕西养老保险 -----------------------------------------------------------------------------------

    @Test
    void gov004ShaanxiPension() {
        List<Fact> f = facts("004_");
        assertTrue(permission(f, Permission.PHOTOS, "电子档案").isPresent(), "相册权限用于证明、电子档案等的下载保存");
        assertTrue(permission(f, Permission.CAMERA, "识别身份证").isPresent());
        assertTrue(permission(f, Permission.LOCATION, "生存认证").isPresent());
        ThirdParty getui = one(f, ThirdParty.class,
                t -> "浙江每日互动网络科技股份有限公司".equals(t.provider()), "Getui recipient");
        assertTrue(getui.named());
        assertTrue(getui.piTypes().contains("设备信息"));
        assertTrue(of(f, ThirdParty.class).stream().anyMatch(t -> !t.named()), "also unnamed 合作伙伴");
        assertEquals(StorageLocation.Region.MAINLAND_CHINA, of(f, StorageLocation.class).get(0).region());
        CrossBorderTransfer cb = of(f, CrossBorderTransfer.class).get(0);
        assertFalse(cb.actual(), "如需跨境传输，我们将会单独征得您的授权同意");
        assertTrue(cb.separateConsent());
        CessationClause cease = of(f, CessationClause.class).get(0);
        assertTrue(cease.notifiesUsers() && cease.deletesOrAnonymises());
        assertNull(of(f, Retention.class).stream().filter(r -> r.kind() == Retention.Kind.PERIOD).findFirst()
                .orElse(null));
    }
}
