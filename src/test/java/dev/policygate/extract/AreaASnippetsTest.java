package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.ChangeNotice;
import dev.policygate.facts.ComplaintChannel;
import dev.policygate.facts.ConsentMechanism;
import dev.policygate.facts.Contact;
import dev.policygate.facts.ExternalDispute;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Handler;
import dev.policygate.facts.MinorsClause;
import dev.policygate.facts.Personalization;
import dev.policygate.facts.PolicyDate;
import dev.policygate.facts.ProtectionOfficer;
import dev.policygate.facts.RefusalReasons;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.RightStatement;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Small synthetic texts for the distinctions the rules depend on. */
class AreaASnippetsTest {
    private static Document doc(String text) {
        return new Ingestor().ingestText(text);
    }

    private static <T> List<T> run(AreaExtractor x, String text, Class<T> type) {
        Document d = doc(text);
        List<? extends Fact> facts = x.extract(d);
        for (Fact f : facts) {
            f.citations().forEach(c -> assertEquals(c.quote(), d.normalizedText().substring(c.start(), c.end())));
        }
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<ConsentMechanism.Kind> consent(String text) {
        return run(new ConsentExtractor(), text, ConsentMechanism.class).stream().map(ConsentMechanism::kind)
                .collect(Collectors.toSet());
    }

    @Test
    void continuedUseAfterUpdateIsNotImpliedByUse() {
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE),
                consent("若您不同意该等变更可以停止使用本应用，若您继续使用本应用，即表示您同意受修订后的本政策的约束。"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE),
                consent("本政策更新后，您继续访问或使用本应用，即视为您接受更新后的政策。"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_USE),
                consent("若您使用我们的产品和服务，即表示您同意我们在本政策中所述内容。"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_USE),
                consent("您使用或继续使用我们的服务，即意味着同意我们按照本政策处理您的信息。"));
        assertEquals(Set.of(ConsentMechanism.Kind.EXPLICIT_ACT),
                consent("一旦您点击“同意”本政策，我们将视为您充分理解并同意本政策。"));
        assertTrue(consent("当您使用第三方服务时，请阅读第三方的隐私政策。").isEmpty());
    }

    private static ResponseDeadline deadline(String text) {
        List<ResponseDeadline> l = run(new DeadlineExtractor(), text, ResponseDeadline.class);
        assertEquals(1, l.size(), text + " -> " + l);
        return l.get(0);
    }

    @Test
    void workingDaysCalendarDaysAndChineseNumerals() {
        ResponseDeadline a = deadline("我们将在十五个工作日内答复您的请求。");
        assertEquals(15, a.days());
        assertEquals(ResponseDeadline.DayKind.WORKING, a.dayKind());
        assertEquals(ResponseDeadline.Subject.RIGHTS_REQUEST, a.subject());
        ResponseDeadline b = deadline("我们将在30天内回复您的投诉。");
        assertEquals(30, b.days());
        assertEquals(ResponseDeadline.DayKind.CALENDAR, b.dayKind());
        assertEquals(ResponseDeadline.Subject.COMPLAINT, b.subject());
        assertEquals(30, deadline("我们将在一个月内响应您的请求。").days());
        assertEquals(30, deadline("我们将在三十日内处理您的申请。").days());
        assertEquals(14, deadline("我们会在两周内给予答复。").days());
        assertEquals(15, deadline("一般情况下，我们将在十五天内回复。").days());
        ResponseDeadline both = deadline("我们将在十五（15）个工作日内回复您的请求。");
        assertEquals(15, both.days());
        assertEquals(ResponseDeadline.DayKind.WORKING, both.dayKind());
        assertTrue(run(new DeadlineExtractor(), "我们会将日志保存6个月内的记录并在15天内删除。", ResponseDeadline.class).isEmpty());
        // a number in brackets, hours, and the law's period as the alternative
        assertEquals(15, deadline("五、您的权利\n一般情况下，我们将在【15】天内回复。").days());
        // hours and brackets outside a request: a shop's or a review's time, not a deadline of ours
        assertTrue(run(new DeadlineExtractor(), "当您申请成为认证商家时，我们将在24小时内完成审核。", ResponseDeadline.class).isEmpty());
        assertTrue(run(new DeadlineExtractor(), "退款申请提交后，我们将在【3】个工作日内完成退款处理。", ResponseDeadline.class)
                .isEmpty());
        assertEquals(2, deadline("我们将在48小时内回复您的请求。").days());
        assertEquals(15, deadline("我们将在15个工作日或法律法规规定的期限内答复您的请求。").days());
        assertTrue(run(new DeadlineExtractor(), "我们将在15个工作日或视情况延长的合理时间内予以答复您的请求。",
                ResponseDeadline.class).isEmpty());
    }

    private static Map<RightStatement.Right, RightStatement> rights(String text) {
        Map<RightStatement.Right, RightStatement> out = new java.util.EnumMap<>(RightStatement.Right.class);
        run(new RightsExtractor(), text, RightStatement.class).forEach(r -> out.put(r.right(), r));
        return out;
    }

    @Test
    void rightsVerbListsLinksPermissionsAndWhatAreNoRights() {
        Map<RightStatement.Right, RightStatement> r = rights(
                "五、您的权利\n您可以随时通过privacy@example.com联系我们来访问、更正、删除您的个人信息。");
        assertTrue(r.keySet().containsAll(Set.of(RightStatement.Right.ACCESS, RightStatement.Right.CORRECTION,
                RightStatement.Right.DELETION)), r.keySet().toString());
        assertTrue(r.get(RightStatement.Right.ACCESS).hasWay());
        RightStatement web = rights("五、您的权利\n您可以通过账号系统https://user.example.com查询您的个人信息。")
                .get(RightStatement.Right.ACCESS);
        assertTrue(web.channels().contains("ONLINE_FORM"), web.toString());
        RightStatement withdraw = rights("五、您的权利\n您可以随时在设备系统权限管理界面取消前述权限。")
                .get(RightStatement.Right.WITHDRAW_CONSENT);
        assertTrue(withdraw != null && withdraw.hasWay(), String.valueOf(withdraw));
        // a link to read the law, a storage permission's wording, a privilege taken away: no ways, no rights
        assertFalse(rights("五、您的权利\n您有权查阅您的个人信息，相关规定详见网信办网站http://www.cac.gov.cn。")
                .get(RightStatement.Right.ACCESS).hasWay());
        assertTrue(rights("五、您的权利\n存储权限：用于查看、修改或删除您设备存储中的图片，您可以在系统设置中关闭该权限。").keySet()
                .stream().noneMatch(x -> x == RightStatement.Right.CORRECTION || x == RightStatement.Right.DELETION));
        assertFalse(rights("如您违反社区规范，我们有权取消您的发帖、评论权限。").containsKey(RightStatement.Right.WITHDRAW_CONSENT));
        // a refused request names rights it does not grant
        assertTrue(rights("五、您的权利\n在以下情形中，我们将无法响应您提出的更正/修改、删除的请求：").isEmpty());
        // the catch-all "我们将尽快审核所涉问题" is no manual review of a self-service path
        RightStatement close = rights("五、您的权利\n（一）注销账号\n您可以在【我的】-【设置】-【注销账号】中注销账号。\n"
                + "我们将尽快审核所涉问题，并在十五个工作日内回复。").get(RightStatement.Right.ACCOUNT_DELETION);
        assertFalse(close.conditions().contains(RightStatement.Condition.MANUAL_REVIEW), close.toString());
    }

    @Test
    void rightsNamedOnlyByTheRequestForThemInAList() {
        // Taiwan's 個人資料保護法 §3 as its policies list it, and the same list in mainland words
        String taiwan = "六、您的權利\n您就本公司保有您之個人資料得行使下列權利：\n（一）查詢或請求閱覽。\n（二）請求製給複製本。\n"
                + "（三）請求補充或更正。\n（四）請求停止蒐集、處理或利用。\n（五）請求刪除。\n您如欲行使上述權利，可與本公司客服聯繫。";
        String mainland = "六、您的权利\n您可以行使下列权利：\n（一）查询或请求查阅。\n（二）请求复制。\n（三）请求补充或更正。\n"
                + "（四）请求停止收集、处理或使用。\n（五）请求删除。";
        Set<RightStatement.Right> all = Set.of(RightStatement.Right.ACCESS, RightStatement.Right.COPY,
                RightStatement.Right.CORRECTION, RightStatement.Right.RESTRICTION, RightStatement.Right.DELETION);
        assertEquals(all, rights(taiwan).keySet());
        assertTrue(rights(taiwan).get(RightStatement.Right.DELETION).channels().contains("CUSTOMER_SERVICE"));
        assertEquals(all, rights(mainland).keySet());
        // what we ask of a partner is no right of the user
        assertTrue(rights("五、您的权利\n我们会要求合作伙伴删除其不再需要的个人信息。").isEmpty());
    }

    @Test
    void complaintChannelsWordedWithTheWayOnly() {
        List<ComplaintChannel> c = run(new ComplaintExtractor(),
                "如果您对本政策有任何疑问或投诉、举报时，均可以通过如下任一方式与我们取得联系：", ComplaintChannel.class);
        assertTrue(c.stream().anyMatch(x -> x.kind() == ComplaintChannel.Kind.COMPLAINT), c.toString());
        List<ComplaintChannel> joined = run(new ComplaintExtractor(),
                "如果您对本政策有任何疑问、投诉；\n或者对我们的处理有任何意见；\n您都可以通过电子邮件privacy@example.com与我们联系。",
                ComplaintChannel.class);
        assertEquals("privacy@example.com", joined.stream().filter(x -> x.kind() == ComplaintChannel.Kind.COMPLAINT)
                .findFirst().orElseThrow().channel(), joined.toString());
    }

    @Test
    void numberedStepsUnderARightAndAWayInTheNextSentence() {
        RightStatement close = rights("五、您的权利\n1、注销账号：\n1）进入应用后，点击“我的”\n2）点击“设置”\n"
                + "3）点击“注销账号”\n6、联系我们").get(RightStatement.Right.ACCOUNT_DELETION);
        assertEquals("我的＞设置＞注销账号", close.path(), close.toString());
        // a table of contents does not keep a right's heading open for the rest of the policy
        RightStatement toc = rights("目录\n一、我们如何收集您的个人信息\n二、您如何访问您的个人信息\n三、如何联系我们\n"
                + "二、您如何访问您的个人信息\n您有权访问您的个人信息。\n三、如何联系我们\n您也可以通过在线客服反馈问题。")
                .get(RightStatement.Right.ACCESS);
        assertFalse(toc.hasWay(), toc.toString());
        // "您也可以…" that is another feature lends no way
        assertFalse(rights("我们重视您的选择。您有权查阅您的个人信息。您也可以在【设置】-【消息通知】中关闭营销短信。")
                .get(RightStatement.Right.ACCESS).hasWay());
        RightStatement next = rights("我们重视您的选择。如您希望更正您的个人信息，请阅读本节说明。"
                + "您也可以拨打电话0571-12345678联系我们。").get(RightStatement.Right.CORRECTION);
        assertTrue(next != null && next.channels().contains("CONTACT"), String.valueOf(next));
    }

    @Test
    void chineseNumbers() {
        assertEquals(15, ChineseNumbers.parse("十五"));
        assertEquals(30, ChineseNumbers.parse("三十"));
        assertEquals(21, ChineseNumbers.parse("二十一"));
        assertEquals(2, ChineseNumbers.parse("两"));
        assertEquals(15, ChineseNumbers.parse("15"));
        assertEquals(-1, ChineseNumbers.parse("若干"));
    }

    private static List<MinorsClause> minors(String text) {
        return run(new MinorsExtractor(), text, MinorsClause.class);
    }

    @Test
    void presumedVersusExplicitGuardianConsent() {
        MinorsClause e = minors("若您是不满14周岁的儿童，在使用本服务前须取得您的监护人的同意。").get(0);
        assertEquals(MinorsClause.GuardianConsent.EXPLICIT, e.guardianConsent());
        assertEquals(14, e.ageThreshold());
        MinorsClause p = minors("如您是18周岁以下的未成年人并在本应用上注册账号，我们将默认您已经得到父母或监护人的同意。").get(0);
        assertEquals(MinorsClause.GuardianConsent.PRESUMED, p.guardianConsent());
        assertEquals(18, p.ageThreshold());
        assertEquals(MinorsClause.GuardianConsent.PRESUMED,
                minors("如您为未成年人，您使用本服务即表示您已获得监护人的同意。").get(0).guardianConsent());
        // the guardian asked, or the consent and what it covers named at length before 后/方可
        for (String explicit : List.of("如果您是儿童，请在提交个人信息之前，寻求您的监护人的同意和指导。",
                "只有在取得监护人对本政策和《儿童个人信息保护规则》的同意后，您方可使用我们的服务。",
                "18岁以下的未成年人使用我们的服务，必须得到父母或其他监护人的监督和批准。")) {
            assertEquals(MinorsClause.GuardianConsent.EXPLICIT, minors(explicit).get(0).guardianConsent(), explicit);
        }
        MinorsClause n = minors("我们非常重视未成年人的个人信息保护。").get(0);
        assertEquals(MinorsClause.GuardianConsent.NONE, n.guardianConsent());
        assertTrue(minors("我们会收集您的手机号码。").isEmpty());
    }

    @Test
    void officerOnlyInChangeListIsNotAnOfficer() {
        String changes = "本政策所指的重大变更包括但不限于：\n1、我们的服务模式发生重大变化；\n"
                + "2、个人信息保护负责人的联系方式及投诉渠道发生变化时；";
        assertTrue(run(new ProtectionOfficerExtractor(), changes, ProtectionOfficer.class).isEmpty());
        List<ProtectionOfficer> own = run(new ProtectionOfficerExtractor(),
                "我们设立了个人信息保护负责人，您可以通过privacy@example.com与其联系。", ProtectionOfficer.class);
        assertEquals(1, own.size());
        assertTrue(own.get(0).hasOwnContact());
        // a modifier inside the term
        for (String officer : List.of("个人信息保护相关负责人联系方式：010-59231388。",
                "我们设立了个人信息专职保护部门，您可以通过privacy@example.com与其联系。",
                "我们设立了儿童信息保护的专门负责人员，您可以通过privacy@example.com与其联系。")) {
            List<ProtectionOfficer> o = run(new ProtectionOfficerExtractor(), officer, ProtectionOfficer.class);
            assertEquals(1, o.size(), officer);
            assertTrue(o.get(0).hasOwnContact(), officer);
        }
        assertFalse(run(new ProtectionOfficerExtractor(), "我们设立了个人信息保护小组。", ProtectionOfficer.class).get(0)
                .hasOwnContact());
        List<ProtectionOfficer> bare = run(new ProtectionOfficerExtractor(),
                "我们设立了个人信息保护专职部门，负责个人信息保护工作。", ProtectionOfficer.class);
        assertFalse(bare.get(0).hasOwnContact());
        List<Contact> c = run(new ContactExtractor(), "我们设立了个人信息保护负责人，您可以通过privacy@example.com与其联系。",
                Contact.class);
        assertEquals(Contact.Owner.PROTECTION_OFFICER, c.get(0).owner());
        String listed = "我们设立了个人信息保护专职部门，您可以通过以下方式与其联系：\n1、邮箱：pi@example.com；\n"
                + "2、电话：010-88886666。\n七、其他\n客服电话：400-100-2000";
        assertTrue(run(new ProtectionOfficerExtractor(), listed, ProtectionOfficer.class).get(0).hasOwnContact());
        List<Contact> lc = run(new ContactExtractor(), listed, Contact.class);
        assertEquals(Set.of("pi@example.com", "010-88886666"), lc.stream()
                .filter(x -> x.owner() == Contact.Owner.PROTECTION_OFFICER).map(Contact::value).collect(Collectors.toSet()));
        assertEquals(Set.of("400-100-2000"), lc.stream()
                .filter(x -> x.owner() == Contact.Owner.HANDLER).map(Contact::value).collect(Collectors.toSet()));
    }

    @Test
    void dateFormatsAndOtherDocumentsDates() {
        List<PolicyDate> d = run(new DatesExtractor(),
                "某某隐私政策\n更新日期：2022.04.11\n本版发布日期：【2022-08-30】\n生效日期：2021年6月\n"
                        + "本政策依据2019年发布的《认定方法》制定。", PolicyDate.class);
        Set<String> got = d.stream().map(x -> x.kind() + " " + x.date() + " " + x.precision()).collect(Collectors.toSet());
        assertEquals(Set.of("UPDATED 2022-04-11 DAY", "PUBLISHED 2022-08-30 DAY", "EFFECTIVE 2021-06 MONTH"), got);
        // a template's filled-in brackets around each number
        assertEquals(List.of("UPDATED 2020-12-14"), run(new DatesExtractor(), "最近更新日期：【2020】年【12】月【14】日。",
                PolicyDate.class).stream().map(x -> x.kind() + " " + x.date()).toList());
        List<PolicyDate> ev = run(new DatesExtractor(), "本政策自您点击同意之时生效。", PolicyDate.class);
        assertEquals(PolicyDate.Kind.EFFECTIVE_ON_EVENT, ev.get(0).kind());
        assertNull(ev.get(0).date());
    }

    private static Set<String> values(String text, Contact.Channel ch) {
        return run(new ContactExtractor(), text, Contact.class).stream().filter(c -> c.channel() == ch)
                .map(Contact::value).collect(Collectors.toSet());
    }

    @Test
    void anAddressAnnouncedOnTheLineBeforeAndABuildingWithoutANumberAreAddresses() {
        // our wording: the address on the line after "…寄到如下地址：", and after "邮寄至："
        assertEquals(Set.of("江苏省南京市鼓楼区某某路8号某某大厦"), values(
                "您也可以将问题发送至privacy@example.com或寄到如下地址：\n江苏省南京市鼓楼区某某路8号某某大厦 法务部（收）",
                Contact.Channel.POSTAL_ADDRESS).stream().map(v -> v.replaceFirst(" .*", "")).collect(Collectors.toSet()));
        // a city and a district before a named building deliver without a number
        assertEquals(Set.of("杭州市西湖区某某科技大厦"),
                values("邮寄至：杭州市西湖区某某科技大厦，隐私保护中心收。", Contact.Channel.POSTAL_ADDRESS));
        assertEquals(Set.of("江苏省南京市鼓楼区某某路8号"),
                values("您也可以通过如下联络方式同我们联系：\n江苏省南京市鼓楼区某某路8号", Contact.Channel.POSTAL_ADDRESS));
        assertTrue(values("您可以通过以下方式联系我们：\n电话：400-123-4567", Contact.Channel.POSTAL_ADDRESS).isEmpty());
        // an announced line that is a path in the app or a list of fields, and a place where data is stored, are not
        assertTrue(values("您可以通过以下联系方式注销您的账号：\n登录后进入“我的—设置—账号与安全—注销账号”",
                Contact.Channel.POSTAL_ADDRESS).isEmpty());
        assertTrue(values("收货地址：\n收货人姓名、手机号、所在省市区及详细地址（街道、门牌号）", Contact.Channel.POSTAL_ADDRESS).isEmpty());
        assertTrue(values("您的个人信息将存储于位于北京市海淀区的数据中心。", Contact.Channel.POSTAL_ADDRESS).isEmpty());
        // a privacy centre that is a settings page is no protection officer; one with an address is
        assertTrue(run(new ProtectionOfficerExtractor(), "您可以通过「设置-隐私保护中心」管理您的授权。",
                ProtectionOfficer.class).isEmpty());
        assertEquals(1, run(new ProtectionOfficerExtractor(), "邮寄至：北京市海淀区某某大厦 法务部 数据安全与隐私保护中心",
                ProtectionOfficer.class).size());
        // a line after one that announces nothing, and a city alone, are not addresses
        assertTrue(values("我们的服务覆盖以下城市：\n南京市鼓楼区某某科技大厦", Contact.Channel.POSTAL_ADDRESS).isEmpty());
        assertTrue(values("邮寄至：浙江省杭州市的科技大厦。", Contact.Channel.POSTAL_ADDRESS).isEmpty());
    }

    @Test
    void contactsButNotNumbersInsideUrls() {
        assertTrue(values("某某SDK隐私政策链接：https://example.com/privacy?tel=4001234567", Contact.Channel.PHONE).isEmpty());
        assertEquals(Set.of("400-123-4567"), values("客服电话：400-123-4567", Contact.Channel.PHONE));
        assertEquals(Set.of("010-12345678"), values("如有疑问请拨打010-12345678联系我们。", Contact.Channel.PHONE));
        assertEquals(Set.of("95588"), values("您可以拨打客服热线95588联系我们。", Contact.Channel.PHONE));
        assertEquals(Set.of("北京市海淀区某某路1号"), values("联系地址：北京市海淀区某某路1号，邮编100000。", Contact.Channel.POSTAL_ADDRESS));
        assertTrue(values("我们会收集您的IP地址：用于安全风控。", Contact.Channel.POSTAL_ADDRESS).isEmpty());
        assertEquals(Set.of("我的＞意见反馈"), values("您可以通过“我的＞意见反馈”与我们联系。", Contact.Channel.FEEDBACK_PATH));
        // the same contact twice is one fact with both citations
        List<Contact> twice = run(new ContactExtractor(), "邮箱：a@example.com。\n如有问题请发送邮件至a@example.com联系我们。", Contact.class);
        assertEquals(1, twice.size());
        assertEquals(2, twice.get(0).citations().size());
    }

    @Test
    void inAppPathsAreNormalised() {
        assertEquals("我的＞设置＞注销账户", InAppPath.any("您可以通过“我的”->“设置”->“注销账户”注销账号。").path());
        assertEquals("我的＞设置＞账号注销", InAppPath.any("您可以在我的 > 设置 > 账号注销中进行操作。").path());
        assertEquals("我的＞设置＞注销账户", InAppPath.any("您可以在“我的-设置-注销账户”里注销账号。").path());
        assertEquals("我的＞设置＞注销账号", InAppPath.any("依次点击“我的”、“设置”、“注销账号”即可。").path());
        assertNull(InAppPath.any("我们会收集您的身份证/护照/签证信息和/或手机号。"));
        assertNull(InAppPath.any("更新日期：2022-04-11"));
    }

    @Test
    void rightsWithPathsAndConditions() {
        List<RightStatement> r = run(new RightsExtractor(),
                "五、您的权利\n（一）注销您的账户\n您可以在“我的-设置-注销账户”中提交申请，经人工审核后完成注销。\n"
                        + "（二）更正您的个人信息\n您可以通过注销账户后重新注册的方式修改您的信息。", RightStatement.class);
        RightStatement del = r.stream().filter(x -> x.right() == RightStatement.Right.ACCOUNT_DELETION).findFirst().get();
        assertEquals("我的＞设置＞注销账户", del.path());
        assertTrue(del.conditions().contains(RightStatement.Condition.MANUAL_REVIEW));
        RightStatement cor = r.stream().filter(x -> x.right() == RightStatement.Right.CORRECTION).findFirst().get();
        assertTrue(cor.conditions().contains(RightStatement.Condition.RE_REGISTRATION), cor.toString());
        List<RightStatement> staff = run(new RightsExtractor(),
                "五、您的权利\n（一）删除您的个人信息\n您可以通过本政策的联系方式联系我们提出删除申请。", RightStatement.class);
        assertEquals(List.of(RightStatement.Condition.CONTACT_STAFF), staff.get(0).conditions());
        assertEquals(List.of("CONTACT"), staff.get(0).channels());
    }

    @Test
    void rightsNamedInOneListOfVerbsThatShareTheirObject() {
        // our wording: 复制 and 转移 among the verbs of PIPL Art. 45 before one object
        Set<RightStatement.Right> rights = run(new RightsExtractor(),
                "五、您的权利\n我们会在产品中提供相应的设置，以便您可以查询、复制、更正、补充、删除或撤回您的相关个人信息。",
                RightStatement.class).stream().map(RightStatement::right).collect(Collectors.toSet());
        assertTrue(rights.containsAll(Set.of(RightStatement.Right.ACCESS, RightStatement.Right.COPY)), rights.toString());
        assertFalse(rights.contains(RightStatement.Right.PORTABILITY), rights.toString());
        Set<RightStatement.Right> moved = run(new RightsExtractor(), "五、您的权利\n您可以查阅、复制、转移您的个人信息。",
                RightStatement.class).stream().map(RightStatement::right).collect(Collectors.toSet());
        assertTrue(moved.contains(RightStatement.Right.PORTABILITY), moved.toString());
        // an intruder's acts, however many, and changes to the policy are no rights of the user
        assertTrue(run(new RightsExtractor(), "五、您的权利\n我们会防止您的信息遭到未经授权的访问、公开披露、使用、修改、损坏、丢失或复制、转移。",
                RightStatement.class).stream().noneMatch(x -> x.right() == RightStatement.Right.COPY
                        || x.right() == RightStatement.Right.PORTABILITY));
        assertTrue(run(new RightsExtractor(), "五、您的权利\n我们可能会对本政策的条款进行修订、补充、删除。", RightStatement.class)
                .stream().noneMatch(x -> x.right() == RightStatement.Right.CORRECTION));
        // copying by intruders is no right of the user
        assertTrue(run(new RightsExtractor(), "五、您的权利\n我们会防止您的个人信息被非法访问、复制、修改。", RightStatement.class)
                .stream().noneMatch(x -> x.right() == RightStatement.Right.COPY));
    }

    @Test
    void aChangeNoticeAfterTheListOfChangesItIsFor() {
        Set<ChangeNotice.Method> after = run(new ChangeNoticeExtractor(), String.join("\n",
                "如果本政策发生重大变更，包括：",
                "1. 我们的服务模式发生重大变化；",
                "2. 个人信息对外提供的主要对象发生变化；",
                "3. 您行使权利的方式发生重大变化。",
                "我们将通过短信、站内信或弹窗对您进行通知。"), ChangeNotice.class).stream()
                .map(ChangeNotice::method).collect(Collectors.toSet());
        assertEquals(Set.of(ChangeNotice.Method.SMS, ChangeNotice.Method.IN_APP_MESSAGE, ChangeNotice.Method.POPUP), after);
        // the date of the last update opens no list, and a consent pop-up tells of no change
        assertTrue(run(new ChangeNoticeExtractor(), String.join("\n",
                "本政策于2024年1月1日更新。",
                "如您在弹窗中点击同意，我们会向您发送验证短信。"), ChangeNotice.class).isEmpty());
    }

    @Test
    void changeNoticeMethodsAndPageOnly() {
        Set<ChangeNotice.Method> only = run(new ChangeNoticeExtractor(),
                "六、本政策如何更新\n我们会在本页面上发布对本政策所做的任何变更。", ChangeNotice.class).stream()
                .map(ChangeNotice::method).collect(Collectors.toSet());
        assertEquals(Set.of(ChangeNotice.Method.PAGE_UPDATE), only);
        Set<ChangeNotice.Method> active = run(new ChangeNoticeExtractor(),
                "本政策更新后，我们会以推送通知、弹窗、短信或站内信的形式向您展示变更后的本政策。", ChangeNotice.class).stream()
                .map(ChangeNotice::method).collect(Collectors.toSet());
        assertTrue(active.containsAll(Set.of(ChangeNotice.Method.PUSH, ChangeNotice.Method.POPUP, ChangeNotice.Method.SMS,
                ChangeNotice.Method.IN_APP_MESSAGE)));
        assertTrue(run(new ChangeNoticeExtractor(), "在发生安全事件后，我们将以邮件、推送通知的方式告知您。", ChangeNotice.class)
                .isEmpty());
        // a bare numbered 变更 heading under 其他 heads the change section; the version posted on the site and app
        Set<ChangeNotice.Method> bare = run(new ChangeNoticeExtractor(),
                "九、其他\n5. 变更\n当条款发生变更时，我们会在你登录时以推送通知、弹窗的形式向你展示变更后的内容。", ChangeNotice.class)
                .stream().map(ChangeNotice::method).collect(Collectors.toSet());
        assertEquals(Set.of(ChangeNotice.Method.PUSH, ChangeNotice.Method.POPUP), bare);
        assertEquals(List.of(ChangeNotice.Method.PAGE_UPDATE), run(new ChangeNoticeExtractor(),
                "十、本政策的更新\n我们会通过在我们网站、移动端上发出更新版本的方式提醒您相关内容的更新。", ChangeNotice.class).stream()
                .map(ChangeNotice::method).toList());
    }

    @Test
    void personalisationSwitchOffVersusGenericRoute() {
        List<Personalization> p = run(new PersonalizationExtractor(),
                "我们会根据您的浏览记录向您进行个性化推荐。\n您可以在“我的-设置-个性化推荐”中关闭个性化推荐。\n"
                        + "我们同时提供不针对您个人特征的选项。", Personalization.class);
        Set<Personalization.Kind> kinds = p.stream().map(Personalization::kind).collect(Collectors.toSet());
        assertEquals(Set.of(Personalization.Kind.DECLARED, Personalization.Kind.SWITCH_OFF,
                Personalization.Kind.NON_PERSONALISED_OPTION), kinds);
        assertEquals("我的＞设置＞个性化推荐", p.stream().filter(x -> x.kind() == Personalization.Kind.SWITCH_OFF)
                .findFirst().get().path());
        Set<Personalization.Kind> generic = run(new PersonalizationExtractor(),
                "我们会向您发送个性化的营销短信。如您不希望接收，可回复TD退订。", Personalization.class).stream()
                .map(Personalization::kind).collect(Collectors.toSet());
        assertEquals(Set.of(Personalization.Kind.DECLARED, Personalization.Kind.GENERIC_ROUTE), generic);
        assertTrue(run(new PersonalizationExtractor(), "我们不会对您进行用户画像。", Personalization.class).isEmpty());
    }

    @Test
    void handlerIsTheOperatorNotAnSdkProvider() {
        List<Handler> h = run(new HandlerExtractor(),
                "某某APP由上海某某网络科技有限公司（以下简称“我们”）开发和运营。\n"
                        + "（1）某某推送SDK，由北京某某信息技术有限公司提供，用于消息推送。", Handler.class);
        assertEquals(List.of("上海某某网络科技有限公司"), h.stream().map(Handler::name).toList());
        assertEquals(List.of("某某市数据管理局"), run(new HandlerExtractor(), "本平台由某某市数据管理局主办。", Handler.class)
                .stream().map(Handler::name).toList());
    }

    @Test
    void handlerStatementsOfCommercialPolicies() {
        // the name's parenthesis is only what it is called: （“我们”）, （「我们」或「某某中国」）, （“我行”）
        assertEquals(List.of("某某银行股份有限公司"), handlers("某某银行股份有限公司（“我行”）非常重视您的个人信息。"));
        assertEquals(List.of("某某网络（上海）有限公司"), handlers(
                "本政策旨在介绍某某网络（上海）有限公司（「我们」或「某某中国」）如何处理您的个人信息。"));
        // the group and its affiliates, and an address parenthesis between the name and 及其关联方（简称“我们”）
        assertEquals(List.of("某某游戏集团"), handlers("某某游戏集团及旗下各关联公司（以下统称“某某”或“我们”）承诺保护您的隐私。"));
        assertEquals(List.of("杭州某某科技有限公司"), handlers("杭州某某科技有限公司（注册地址：杭州市西湖区某某路(东)1号）"
                + "及其关联方（简称“我们”）作为某某阅读的运营者，深知个人信息的重要性。"));
        // the product is provided by the name, the service's providers include it, a name with its affiliates runs it
        assertEquals(List.of("上海某某信息咨询有限公司"), handlers(
                "某某点评的产品/服务是由上海某某信息咨询有限公司（注册地址：上海市某某路1号）及其关联方提供者提供。"));
        assertEquals(List.of("北京某某在线科技有限公司"), handlers("“某某外卖”的产品/服务是北京某某在线科技有限公司及其关联方提供者通过下述途径提供的。"));
        assertEquals(List.of("广州某某计算机系统有限公司"), handlers("某某游戏服务的提供者包括广州某某计算机系统有限公司（注册地址：广州市某某路5号）。"));
        assertEquals(List.of("重庆某某云科技有限公司"), handlers("某某站是由重庆某某云科技有限公司及其关联公司在内的企业提供的互联网服务。"));
        assertEquals(List.of("某某部交通管理科学研究所"), handlers("“某某12123”是由某某部交通管理科学研究所（以下简称“我们”）提供的客户端。"));
        // a supplier of one service, a feature's provider and a recipient are not the handler
        assertEquals(List.of(), handlers("此服务是由上海某某信息技术有限公司提供底层技术支持。"));
        assertEquals(List.of(), handlers("地图服务是由某某软件有限公司提供的。"));
        assertEquals(List.of(), handlers("我们会将您的订单信息提供给北京某某科技有限公司（注册地址：北京市海淀区）以完成配送。"));
        assertEquals(List.of(), handlers("我们可能向公安机关（以下简称“有关部门”）提供您的信息。"));
    }

    @Test
    void weDefinedAsTheEntityALongDescriptionEndsIn() {
        assertEquals(List.of("某某电子商务（上海）有限公司"), handlers("在本政策中，我们提及的“某某中国”、“我们”或“我们的”时，均意为给您提供网站、"
                + "移动应用等网络服务（以下合称“网络平台”）的某某电子商务（上海）有限公司（注册地址：上海市某某路1号）及其关联公司。"));
        // the whole name, not the company it is a branch of
        assertEquals(List.of("深圳市某某服务有限公司武汉分公司"), handlers("“我们”或“某某助手”，指由深圳市某某服务有限公司武汉分公司运营的客户端。"));
    }

    @Test
    void aShortNameThatIsLaterCalledWeNamesTheHandler() {
        // the parenthesis that gives the short name closes only in the next sentence, after a "；"
        assertEquals(List.of("某某餐饮（中国）有限公司"), handlers("某某餐饮（中国）有限公司（简称“某某中国”，注册地址为上海市某某路1号；"
                + "\n某某中国与其各关联公司合称“我们”）非常重视您的个人信息。"));
        // a recipient's short name is not the handler, and neither is a short name never called 我们
        assertEquals(List.of(), handlers("我们会与北京某某出行有限公司（简称“某某出行”）共享您的位置信息。\n某某出行将为您提供用车服务。"));
    }

    private static List<String> handlers(String text) {
        return run(new HandlerExtractor(), text, Handler.class).stream().map(Handler::name).toList();
    }

    @Test
    void complaintChannelVersusGeneralContactAndDisputes() {
        List<ComplaintChannel> c = run(new ComplaintExtractor(),
                "如您对个人信息处理有任何投诉或举报，可通过客服热线400-123-4567联系我们。", ComplaintChannel.class);
        assertEquals(ComplaintChannel.Kind.COMPLAINT, c.get(0).kind());
        assertEquals("400-123-4567", c.get(0).channel());
        List<ComplaintChannel> g = run(new ComplaintExtractor(),
                "如您有任何疑问、意见或建议，请通过以下方式联系我们：邮箱a@example.com。", ComplaintChannel.class);
        assertEquals(Set.of(ComplaintChannel.Kind.GENERAL_CONTACT),
                g.stream().map(ComplaintChannel::kind).collect(Collectors.toSet()));
        assertTrue(run(new DisputeExtractor(), "4、与犯罪侦查、起诉、审判和判决执行等直接相关的；", ExternalDispute.class).isEmpty());
        assertEquals(ExternalDispute.Body.COURT, run(new DisputeExtractor(),
                "如果您对我们的回复不满意，您可以向有管辖权的人民法院提起诉讼。", ExternalDispute.class).get(0).body());
        // the PIPL's own name for the regulator
        assertEquals(ExternalDispute.Body.REGULATOR, run(new DisputeExtractor(),
                "如您不满意我们的处理，还可以向履行个人信息保护职责的部门进行投诉、举报。", ExternalDispute.class).get(0).body());
        assertEquals(ExternalDispute.Body.REGULATOR, run(new DisputeExtractor(),
                "如您对我们的处理不满意，您也可以向主管机关提出投诉举报。", ExternalDispute.class).get(0).body());
        assertEquals(ExternalDispute.Body.COURT, run(new DisputeExtractor(),
                "协商不成时，双方同意交由某某市某某区人民法院管辖并处理。", ExternalDispute.class).get(0).body());
        assertEquals(1, run(new DisputeExtractor(), "如我们拒绝您的请求，我们会向您说明理由。", RefusalReasons.class).size());
    }
}
