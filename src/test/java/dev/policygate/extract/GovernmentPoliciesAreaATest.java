package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.ChangeNotice;
import dev.policygate.facts.ChildrenRules;
import dev.policygate.facts.Citation;
import dev.policygate.facts.ComplaintChannel;
import dev.policygate.facts.ConsentMechanism;
import dev.policygate.facts.Contact;
import dev.policygate.facts.ExternalDispute;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Handler;
import dev.policygate.facts.MinorsClause;
import dev.policygate.facts.PolicyDate;
import dev.policygate.facts.PolicyScope;
import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.RightStatement;
import dev.policygate.facts.RightStatement.Right;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Ingestor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Facts of the extract-a areas checked by hand against the five government policies of the shared corpus. */
class GovernmentPoliciesAreaATest {
    private static final FactExtractor FX = new FactExtractor();

    private static List<Fact> facts(Document d) {
        return FX.extract(d);
    }

    private static <T> List<T> of(List<Fact> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> values(List<Fact> facts, Contact.Channel ch) {
        return of(facts, Contact.class).stream().filter(c -> c.channel() == ch).map(Contact::value)
                .collect(Collectors.toSet());
    }

    private static RightStatement right(List<Fact> facts, Right r) {
        return of(facts, RightStatement.class).stream().filter(x -> x.right() == r).findFirst().orElse(null);
    }

    private static boolean hasDate(List<Fact> f, PolicyDate.Kind k, String date) {
        return of(f, PolicyDate.class).stream().anyMatch(d -> d.kind() == k && date.equals(d.date()));
    }

    private static Set<ConsentMechanism.Kind> consent(List<Fact> f) {
        return of(f, ConsentMechanism.class).stream().map(ConsentMechanism::kind).collect(Collectors.toSet());
    }

    private static Set<ChangeNotice.Method> notices(List<Fact> f) {
        return of(f, ChangeNotice.class).stream().map(ChangeNotice::method).collect(Collectors.toSet());
    }

    private static Set<String> handlers(List<Fact> f) {
        return of(f, Handler.class).stream().map(Handler::name).collect(Collectors.toSet());
    }

    @Test
    void zhengwuZhushou000() {
        List<Fact> f = facts(ExtractACorpus.gov("000_"));
        assertEquals(Set.of("深圳市特发政务服务有限公司武汉分公司"), handlers(f));
        assertTrue(hasDate(f, PolicyDate.Kind.UPDATED, "2021-10-08"));
        assertTrue(hasDate(f, PolicyDate.Kind.EFFECTIVE, "2021-10-08"));
        assertTrue(of(f, PolicyDate.class).stream().anyMatch(d -> d.kind() == PolicyDate.Kind.EFFECTIVE_ON_EVENT));
        assertEquals(Set.of(ConsentMechanism.Kind.EXPLICIT_ACT, ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE), consent(f));
        assertTrue(notices(f).containsAll(Set.of(ChangeNotice.Method.EMAIL, ChangeNotice.Method.SMS,
                ChangeNotice.Method.PROMINENT_NOTICE)));
        assertTrue(values(f, Contact.Channel.PHONE).containsAll(Set.of("19907116328", "19907116318")));
        assertTrue(values(f, Contact.Channel.FEEDBACK_PATH).contains("我的＞问题反馈"));
        assertTrue(values(f, Contact.Channel.POSTAL_ADDRESS).stream().anyMatch(a -> a.contains("凌家山南路1号")));
        assertEquals("我的＞注销账户", right(f, Right.ACCOUNT_DELETION).path());
        assertTrue(right(f, Right.ACCESS).hasWay());
        assertTrue(right(f, Right.CORRECTION).conditions().contains(RightStatement.Condition.CONTACT_STAFF));
        assertNotNull(right(f, Right.COPY));
        assertTrue(right(f, Right.WITHDRAW_CONSENT).channels().contains("SETTINGS"));
        assertFalse(of(f, ResponseDeadline.class).isEmpty());
        assertTrue(of(f, ResponseDeadline.class).stream().allMatch(d -> d.days() == 15
                && d.dayKind() == ResponseDeadline.DayKind.CALENDAR));
        assertTrue(of(f, ExternalDispute.class).stream().anyMatch(e -> e.body() == ExternalDispute.Body.ARBITRATION));
        MinorsClause m = of(f, MinorsClause.class).get(0);
        assertEquals(18, m.ageThreshold());
        assertEquals(MinorsClause.GuardianConsent.EXPLICIT, m.guardianConsent());
    }

    @Test
    void suiHaoBan001() {
        List<Fact> f = facts(ExtractACorpus.gov("001_"));
        assertTrue(handlers(f).contains("广州市政务服务数据管理局"));
        assertFalse(of(f, PolicyDate.class).isEmpty());
        assertTrue(of(f, PolicyDate.class).stream().allMatch(d -> d.kind() == PolicyDate.Kind.EFFECTIVE_ON_EVENT),
                "only an event date");
        assertEquals(Set.of(ConsentMechanism.Kind.EXPLICIT_ACT, ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE), consent(f));
        assertTrue(values(f, Contact.Channel.PHONE).contains("12345"));
        assertTrue(values(f, Contact.Channel.FEEDBACK_PATH).contains("个人＞意见反馈"));
        assertTrue(values(f, Contact.Channel.POSTAL_ADDRESS).stream().anyMatch(a -> a.startsWith("广州市天河区华利路61号")));
        RightStatement del = right(f, Right.ACCOUNT_DELETION);
        assertTrue(del.conditions().contains(RightStatement.Condition.MANUAL_REVIEW), del.toString());
        assertEquals("我的＞用户资料", right(f, Right.ACCESS).path());
        assertTrue(of(f, ResponseDeadline.class).stream().anyMatch(d -> d.days() == 15
                && d.dayKind() == ResponseDeadline.DayKind.CALENDAR));
        assertEquals(MinorsClause.GuardianConsent.EXPLICIT, of(f, MinorsClause.class).get(0).guardianConsent());
        assertFalse(of(f, ComplaintChannel.class).isEmpty());
        assertTrue(of(f, ComplaintChannel.class).stream().noneMatch(c -> c.kind() != ComplaintChannel.Kind.GENERAL_CONTACT),
                "only general contact for questions");
        // 用户画像 is declared; deleting data in 个人中心 is only a generic route
        Set<dev.policygate.facts.Personalization.Kind> p = of(f, dev.policygate.facts.Personalization.class).stream()
                .map(dev.policygate.facts.Personalization::kind).collect(Collectors.toSet());
        assertEquals(Set.of(dev.policygate.facts.Personalization.Kind.DECLARED,
                dev.policygate.facts.Personalization.Kind.GENERIC_ROUTE), p);
    }

    @Test
    void tianfuTongban002() {
        List<Fact> f = facts(ExtractACorpus.gov("002_"));
        assertEquals(Set.of("四川省政府政务服务和公共资源交易服务中心"), handlers(f));
        assertTrue(hasDate(f, PolicyDate.Kind.PUBLISHED, "2022-10-26"));
        assertTrue(hasDate(f, PolicyDate.Kind.EFFECTIVE, "2022-10-28"));
        assertTrue(hasDate(f, PolicyDate.Kind.UPDATED, "2022-10-28"));
        PolicyScope scope = of(f, PolicyScope.class).get(0);
        assertTrue(scope.explicitScopeSentence());
        assertTrue(scope.products().contains("天府通办"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_CONTINUED_USE), consent(f));
        assertTrue(notices(f).containsAll(Set.of(ChangeNotice.Method.PUSH, ChangeNotice.Method.POPUP,
                ChangeNotice.Method.SMS, ChangeNotice.Method.EMAIL)));
        assertTrue(values(f, Contact.Channel.EMAIL).contains("sczwfw2023@163.com"));
        assertTrue(values(f, Contact.Channel.PHONE).contains("12345"));
        assertTrue(values(f, Contact.Channel.POSTAL_ADDRESS).contains("成都市青羊区草市街2号"));
        assertEquals("我的＞设置＞注销账户", right(f, Right.ACCOUNT_DELETION).path());
        assertTrue(right(f, Right.CORRECTION).hasWay());
        assertTrue(of(f, ResponseDeadline.class).stream().anyMatch(d -> d.days() == 15
                && d.dayKind() == ResponseDeadline.DayKind.WORKING));
        assertTrue(of(f, ComplaintChannel.class).stream().anyMatch(c -> c.kind() == ComplaintChannel.Kind.COMPLAINT));
        assertTrue(of(f, MinorsClause.class).stream().anyMatch(m -> m.ageThreshold() != null && m.ageThreshold() == 18));
        // 如您在“天府通办”上申请注册账号,我们将默认您已经得到前述同意
        assertTrue(of(f, MinorsClause.class).stream()
                .anyMatch(m -> m.guardianConsent() == MinorsClause.GuardianConsent.PRESUMED));
        assertFalse(of(f, ChildrenRules.class).isEmpty());
    }

    @Test
    void guowuyuan003() {
        List<Fact> f = facts(ExtractACorpus.gov("003_"));
        assertTrue(handlers(f).contains("国务院办公厅"));
        assertTrue(handlers(f).contains("中国政府网运行中心"));
        assertTrue(hasDate(f, PolicyDate.Kind.UPDATED, "2021-06-11"));
        assertTrue(hasDate(f, PolicyDate.Kind.EFFECTIVE, "2021-06-11"));
        assertEquals(Set.of(ConsentMechanism.Kind.IMPLIED_BY_USE), consent(f));
        assertEquals(List.of("国务院客户端"), of(f, PolicyScope.class).get(0).products());
        assertEquals(Set.of("app@mail.gov.cn"), values(f, Contact.Channel.EMAIL));
        assertTrue(values(f, Contact.Channel.WEBSITE).isEmpty(), "an email domain is not a website");
        assertEquals("我的＞帮助中心＞账号与安全＞怎样才能注销我的账号＞注销账号", right(f, Right.ACCOUNT_DELETION).path());
        assertEquals("我的＞个人设置", right(f, Right.ACCESS).path());
        assertEquals("我的＞个人设置", right(f, Right.CORRECTION).path());
        List<ResponseDeadline> dl = of(f, ResponseDeadline.class);
        assertEquals(1, dl.size());
        assertEquals(30, dl.get(0).days());
        assertEquals(ResponseDeadline.DayKind.CALENDAR, dl.get(0).dayKind());
        MinorsClause m = of(f, MinorsClause.class).get(0);
        assertEquals(14, m.ageThreshold());
        assertEquals(MinorsClause.GuardianConsent.EXPLICIT, m.guardianConsent());
    }

    @Test
    void shaanxiPension004() {
        List<Fact> f = facts(ExtractACorpus.gov("004_"));
        assertEquals(Set.of("陕西省社会保障局"), handlers(f));
        List<PolicyDate> dates = of(f, PolicyDate.class);
        assertTrue(dates.stream().anyMatch(d -> d.kind() == PolicyDate.Kind.PUBLISHED && "2020-08".equals(d.date())
                && d.precision() == PolicyDate.Precision.MONTH));
        assertTrue(dates.stream().anyMatch(d -> d.kind() == PolicyDate.Kind.EFFECTIVE && "2020-08".equals(d.date())));
        assertTrue(of(f, PolicyScope.class).get(0).explicitScopeSentence());
        assertEquals(Set.of("448237423@qq.com"), values(f, Contact.Channel.EMAIL));
        assertEquals("我的＞关于＞注销账号", right(f, Right.ACCOUNT_DELETION).path());
        assertEquals("我的", right(f, Right.ACCESS).path(), "通过访问我的中访问相关姓名");
        RightStatement corr = right(f, Right.CORRECTION);
        assertTrue(corr.conditions().contains(RightStatement.Condition.RE_REGISTRATION), corr.toString());
        assertTrue(corr.conditions().contains(RightStatement.Condition.OFFLINE_VISIT), corr.toString());
        List<ResponseDeadline> dl = of(f, ResponseDeadline.class);
        assertTrue(dl.stream().anyMatch(d -> d.days() == 15 && d.dayKind() == ResponseDeadline.DayKind.CALENDAR));
        Set<ExternalDispute.Body> bodies = of(f, ExternalDispute.class).stream().map(ExternalDispute::body)
                .collect(Collectors.toSet());
        assertEquals(Set.of(ExternalDispute.Body.REGULATOR, ExternalDispute.Body.CONSUMER_ASSOCIATION,
                ExternalDispute.Body.COURT), bodies);
        assertTrue(consent(f).isEmpty());
    }

    @Test
    void citationInvariantAndDeterminismOnAllCorpusFiles() throws Exception {
        List<Path> files = ExtractACorpus.all();
        assertTrue(files.size() >= 5);
        for (Path p : files) {
            Document d = new Ingestor().ingestText(Files.readString(p));
            List<Fact> first = FX.extract(d);
            assertEquals(first, FX.extract(d), "deterministic: " + p);
            for (Fact fact : first) {
                assertFalse(fact.citations().isEmpty(), "every fact cites text: " + fact + " in " + p);
                for (Citation c : fact.citations()) {
                    assertTrue(c.start() >= 0 && c.end() <= d.normalizedText().length() && c.start() < c.end(),
                            "span: " + c + " in " + p);
                    assertEquals(c.quote(), d.normalizedText().substring(c.start(), c.end()),
                            "invariant: " + fact + " in " + p);
                }
            }
        }
    }
}
