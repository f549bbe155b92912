package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.ThirdParty;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThirdPartyExtractorTest {
    private static List<ThirdParty> run(String text) {
        return new ThirdPartyExtractor().extract(ExtractBCorpus.text(text));
    }

    @Test
    void aTableWhoseRowsAreLinesIsReadCellByCell() {
        // our rows, cells apart by tabs (normalised to spaces), as a page or a PDF copied as text gives them
        List<ThirdParty> sdks = run("二、第三方SDK\n序号\tSDK名称\t场景描述\t个人信息字段\t隐私政策链接\t第三方机构名称\n"
                + "1\t某某推送\t消息推送\t设备信息、IP地址\thttps://push.example.com/privacy\t某某科技有限公司\n"
                + "2\t某某地图\t定位\t位置信息 设备信息\thttps://map.example.com/privacy\t某某地图有限公司\n"
                + "三、我们如何保护您的个人信息").stream().filter(t -> t.kind() == ThirdParty.Kind.SDK).toList();
        assertEquals(1, sdks.size(), sdks.toString());
        ThirdParty push = sdks.get(0);
        assertEquals("某某推送", push.service());
        assertEquals("某某科技有限公司", push.provider());
        assertEquals("消息推送", push.purpose());
        assertEquals("https://push.example.com/privacy", push.policyUrl());
        assertTrue(push.piTypes().contains("IP地址"), push.piTypes().toString());
        // the second row has a space inside a cell: its cells cannot be told apart, so it is not read
        // a table of permissions after the SDK table: its rows hold no link and no organisation, so no SDK
        List<ThirdParty> withPermissions = run("序号\tSDK名称\t使用目的\t隐私政策链接\t第三方机构名称\n"
                + "1\t某某推送\t消息推送\thttps://push.example.com/privacy\t某某科技有限公司\n"
                + "附录二\t权限列表\n权限名称\t权限说明\t使用场景\t申请时机\t是否必要\n相机\t拍摄照片\t扫码\t使用时\t否")
                .stream().filter(t -> t.kind() == ThirdParty.Kind.SDK).toList();
        assertEquals(List.of("某某推送"), withPermissions.stream().map(ThirdParty::service).toList());
    }

    @Test
    void aSharingSentenceAfterAnSdkEntryOnTheSameLine() {
        String text = "三、第三方SDK\n个推推送SDK，提供方：每日互动股份有限公司，用途：消息推送，收集的个人信息：设备标识符。"
                + "我们还会与合作伙伴共享您的信息，用于改进服务。";
        List<ThirdParty> tps = run(text);
        assertEquals(2, tps.size(), tps.toString());
        ThirdParty sdk = tps.get(0);
        assertEquals("个推推送SDK", sdk.service());
        assertEquals("每日互动股份有限公司", sdk.provider());
        assertTrue(sdk.citations().get(0).quote().endsWith("设备标识符。"), sdk.toString());
        ThirdParty partner = tps.get(1);
        assertEquals(ThirdParty.Kind.RECIPIENT, partner.kind());
        assertFalse(partner.named());
        assertEquals("合作伙伴", partner.provider());
        assertEquals("我们还会与合作伙伴共享您的信息，用于改进服务。", partner.citations().get(0).quote());
        // a further sentence about the SDK itself stays part of the entry
        assertEquals(1, run("个推推送SDK，提供方：每日互动股份有限公司，用途：消息推送。具体请见其隐私政策。").size());
    }

    @Test
    void labelledBlocksOnConsecutiveLines() {
        String text = """
                SDK名称：极光推送SDK
                使用目的：消息推送
                收集个人信息类型：设备标识符、网络信息
                第三方名称：深圳市和讯华谷信息技术有限公司
                隐私政策链接：https://www.jiguang.cn/license/privacy
                SDK名称：高德定位SDK
                使用目的：定位
                收集个人信息类型：位置信息
                第三方名称：高德软件有限公司
                """;
        List<ThirdParty> tps = run(text);
        assertEquals(2, tps.size(), tps.toString());
        ThirdParty j = tps.get(0);
        assertEquals(ThirdParty.Kind.SDK, j.kind());
        assertEquals("极光推送SDK", j.service());
        assertEquals("深圳市和讯华谷信息技术有限公司", j.provider());
        assertEquals("消息推送", j.purpose());
        assertEquals(List.of("设备信息", "网络信息"), j.piTypes());
        assertEquals("https://www.jiguang.cn/license/privacy", j.policyUrl());
        assertTrue(j.named());
        assertFalse(j.listedSeparately());
        assertEquals("高德软件有限公司", tps.get(1).provider());
        assertEquals(List.of("位置信息"), tps.get(1).piTypes());
    }

    @Test
    void oneLineEntries() {
        ThirdParty t = run("高德定位SDK,提供方：高德软件有限公司,使用目的：用于实现定位,数据类型：位置信息、IP地址,官网链接：https://lbs.amap.com").get(0);
        assertEquals("高德定位SDK", t.service());
        assertEquals("高德软件有限公司", t.provider());
        assertEquals("用于实现定位", t.purpose());
        assertEquals(List.of("位置信息", "IP地址"), t.piTypes());
        assertEquals("https://lbs.amap.com", t.policyUrl());
    }

    @Test
    void proseEntryAndProviderFromLexicon() {
        ThirdParty t = run("（1）友盟统计SDK，由友盟同欣（北京）科技有限公司提供，用于统计分析，收集设备信息。").get(0);
        assertEquals("友盟统计SDK", t.service());
        assertEquals("友盟同欣（北京）科技有限公司", t.provider());
        assertEquals("统计分析", t.purpose());
        assertEquals(List.of("设备信息"), t.piTypes());
        ThirdParty bugly = run("腾讯Bugly SDK，用于崩溃日志上报。").get(0);
        assertEquals("深圳市腾讯计算机系统有限公司", bugly.provider());
    }

    @Test
    void unnamedPartnersAndSeparateLists() {
        ThirdParty u = run("我们可能会与合作伙伴共享您的设备信息，以便提供广告服务。").get(0);
        assertEquals(ThirdParty.Kind.RECIPIENT, u.kind());
        assertFalse(u.named());
        assertEquals("合作伙伴", u.provider());
        assertEquals(List.of("设备信息"), u.piTypes());
        ThirdParty l = run("我们接入的第三方SDK详情请查看《第三方SDK目录》。").stream()
                .filter(ThirdParty::listedSeparately).findFirst().orElseThrow();
        assertEquals("《第三方SDK目录》", l.service());
        assertFalse(l.named());
    }

    @Test
    void namedRecipientCompany() {
        ThirdParty r = run("我们会将您的收货地址提供给北京京东尚科信息技术有限公司，用于配送商品。").get(0);
        assertTrue(r.named());
        assertEquals("北京京东尚科信息技术有限公司", r.provider());
        assertEquals("配送商品", r.purpose());
        assertEquals(List.of("地址"), r.piTypes());
    }

    @Test
    void tableRenderedAsLines() {
        String text = """
                第三方SDK清单
                第三方名称
                使用目的
                SDK名称
                涉及个人信息
                隐私政策链接
                每日互动股份有限公司
                用于消息推送
                个推推送SDK
                设备标识符、网络信息
                https://docs.getui.com/privacy
                北京百度网讯科技有限公司
                用于定位
                百度定位SDK
                位置信息
                https://lbsyun.baidu.com/privacy
                三、我们如何共享您的个人信息
                """;
        List<ThirdParty> tps = run(text).stream().filter(t -> t.service() != null && t.service().endsWith("SDK")).toList();
        assertEquals(2, tps.size(), tps.toString());
        assertEquals("每日互动股份有限公司", tps.get(0).provider());
        assertEquals("个推推送SDK", tps.get(0).service());
        assertEquals("用于消息推送", tps.get(0).purpose());
        assertEquals(List.of("设备信息", "网络信息"), tps.get(0).piTypes());
        assertEquals("https://docs.getui.com/privacy", tps.get(0).policyUrl());
        assertEquals("北京百度网讯科技有限公司", tps.get(1).provider());
        assertEquals(List.of("位置信息"), tps.get(1).piTypes());
    }

    @Test
    void labelsAndValuesOnAlternatingLines() {
        String text = """
                SDK名称
                极光推送SDK
                第三方名称
                深圳市和讯华谷信息技术有限公司
                使用目的
                消息推送
                收集个人信息类型
                设备标识符、网络信息
                """;
        List<ThirdParty> tps = run(text);
        assertEquals(1, tps.size(), tps.toString());
        assertEquals("极光推送SDK", tps.get(0).service());
        assertEquals("深圳市和讯华谷信息技术有限公司", tps.get(0).provider());
        assertEquals("消息推送", tps.get(0).purpose());
        assertEquals(List.of("设备信息", "网络信息"), tps.get(0).piTypes());
    }

    @Test
    void noSharingSentenceIsNoRecipient() {
        assertTrue(run("我们不会与任何第三方共享您的个人信息。").isEmpty());
    }

    @Test
    void whereTheUserSharesContentIsNoRecipient() {
        // 接入网络的方式 (a device attribute) is no act of integrating a third party either
        assertTrue(run("我们会收集您的设备型号、接入网络的方式、服务日志（如服务故障信息、分享到第三方社交媒体的信息、收藏使用信息等）。")
                .isEmpty());
        var partners = run("我们会与合作伙伴共享服务日志（如分享到第三方社交媒体的信息）。");
        assertFalse(partners.isEmpty(), "the partner is a recipient");
        assertTrue(partners.stream().allMatch(tp -> "合作伙伴".equals(tp.provider())), partners.toString());
        assertTrue(run("您可以将文章转发至第三方平台，或与好友共享。").isEmpty());
        assertNull(ThirdPartyExtractor.unnamedRecipient("您可以将内容分享到第三方应用"));
        // the handler providing PI to a third party is still a recipient, also next to a user's share
        assertEquals("第三方服务商", ThirdPartyExtractor.unnamedRecipient("您分享到第三方平台的内容，我们会提供给第三方服务商"));
        List<ThirdParty> tps = run("为完成支付，我们会将您的订单信息共享给第三方支付机构。");
        assertEquals(1, tps.size(), tps.toString());
        assertEquals("第三方", tps.get(0).provider());
    }
}
