package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.Fact;
import dev.policygate.facts.Retention;
import dev.policygate.facts.RetentionExpiry;
import dev.policygate.facts.StorageLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionExtractorTest {
    private static List<Fact> run(String text) {
        return new RetentionExtractor().extract(ExtractBCorpus.text(text));
    }

    private static <T> List<T> of(List<Fact> fs, Class<T> c) {
        return fs.stream().filter(c::isInstance).map(c::cast).toList();
    }

    @Test
    void statedPeriod() {
        Retention r = of(run("您的交易信息保存期限为三年。"), Retention.class).get(0);
        assertEquals(Retention.Kind.PERIOD, r.kind());
        assertEquals("三年", r.period());
        Retention m = of(run("我们将按照法律法规规定的最短期限保留您的个人信息。"), Retention.class).get(0);
        assertEquals(Retention.Kind.PERIOD, m.kind());
        assertEquals("法律法规规定的最短期限", m.period());
    }

    @Test
    void readingsOfRetentionAndItsEnd() {
        // the law's demand is no user's request; the closed account named again; 所必须的时限; 保存…直至
        assertEquals(List.of(RetentionExpiry.Action.DELETE, RetentionExpiry.Action.ANONYMISE),
                of(run("在超出保留期间后，我们会根据适用法律的要求删除或匿名化处理您的个人信息。"), RetentionExpiry.class).stream()
                        .map(RetentionExpiry::action).toList());
        assertTrue(of(run("您可以要求删除您的个人信息。"), RetentionExpiry.class).isEmpty());
        assertEquals(2, of(run("在超出保存期限后，我们会按照相关法律法规和监管要求删除或匿名化处理您的个人信息。"),
                RetentionExpiry.class).size());
        // 该账号下 without a closing before it is no expiry
        assertTrue(of(run("如您违反规定，我们有权删除该账号下发布的违规内容，并对该账号采取封禁措施。"), RetentionExpiry.class).isEmpty());
        assertEquals(List.of(RetentionExpiry.Action.DELETE, RetentionExpiry.Action.ANONYMISE),
                of(run("当您注销账号后，我们将停止为您提供服务；该账号下的信息将会被删除或匿名化处理。"), RetentionExpiry.class)
                        .stream().map(RetentionExpiry::action).toList());
        assertEquals(List.of(Retention.Kind.AS_LONG_AS_NECESSARY),
                of(run("我们仅在为实现本政策声明的目的所必须的时限内保留您的个人信息。"), Retention.class).stream()
                        .map(Retention::kind).toList());
        assertEquals(List.of(Retention.Kind.WHILE_USING_SERVICE),
                of(run("我们将保存您的个人信息直至：您终止使用我们的服务。"), Retention.class).stream()
                        .map(Retention::kind).toList());
    }

    @Test
    void vagueRetention() {
        assertEquals(List.of(Retention.Kind.AS_LONG_AS_NECESSARY),
                of(run("我们仅在实现目的所必需的最短时间内保留您的个人信息。"), Retention.class).stream()
                        .map(Retention::kind).toList());
        assertEquals(List.of(Retention.Kind.AS_LONG_AS_NECESSARY),
                of(run("我们将在本政策载明的目的所需的最短保存期限之内，保存您的个人信息。"), Retention.class).stream()
                        .map(Retention::kind).toList());
        assertEquals(List.of(Retention.Kind.WHILE_USING_SERVICE),
                of(run("在您使用我们的服务期间，我们将持续保存您的个人信息。"), Retention.class).stream()
                        .map(Retention::kind).toList());
    }

    @Test
    void criteria() {
        assertEquals(Retention.Kind.CRITERIA,
                of(run("我们判断个人信息的存储期限主要依据以下标准："), Retention.class).get(0).kind());
    }

    @Test
    void responseDeadlineIsNotRetention() {
        assertTrue(run("我们将在15个工作日内答复您的请求。").isEmpty());
        assertEquals(List.of(), of(run("我们会在30日内完成核查并保存处理记录。"), Retention.class).stream()
                .filter(r -> r.kind() == Retention.Kind.PERIOD).toList());
    }

    @Test
    void expiry() {
        List<RetentionExpiry.Action> a = of(run("超出保存期限后，我们将删除或匿名化处理您的个人信息。"), RetentionExpiry.class)
                .stream().map(RetentionExpiry::action).toList();
        assertEquals(List.of(RetentionExpiry.Action.DELETE, RetentionExpiry.Action.ANONYMISE), a);
        assertEquals(List.of(RetentionExpiry.Action.DELETE),
                of(run("在您注销账号后，我们将删除您的个人信息。"), RetentionExpiry.class).stream()
                        .map(RetentionExpiry::action).toList());
        assertTrue(of(run("您可以通过设置删除您的浏览记录。"), RetentionExpiry.class).isEmpty());
    }

    @Test
    void storageLocation() {
        StorageLocation s = of(run("您的个人信息将存储于中华人民共和国境内。"), StorageLocation.class).get(0);
        assertEquals(StorageLocation.Region.MAINLAND_CHINA, s.region());
        assertEquals("中华人民共和国境内", s.place());
        StorageLocation abroad = of(run("您的个人信息将存储在新加坡的服务器上。"), StorageLocation.class).get(0);
        assertEquals(StorageLocation.Region.ABROAD, abroad.region());
        assertEquals("新加坡", abroad.place());
        assertTrue(of(run("如需将您的个人信息存储在境外，我们将另行征得您的同意。"), StorageLocation.class).isEmpty());
        // 境内 before the storing verb, but the data go abroad: no mainland storage is read
        assertEquals(List.of(), of(run("如需将境内运营中收集和产生的个人信息存储在境外，我们会另行征得您的单独同意。"),
                StorageLocation.class));
        assertEquals(List.of(StorageLocation.Region.MAINLAND_CHINA),
                of(run("我们在境内运营中收集和产生的个人信息，存储于境内的数据中心。"), StorageLocation.class).stream()
                        .map(StorageLocation::region).toList());
    }
}
