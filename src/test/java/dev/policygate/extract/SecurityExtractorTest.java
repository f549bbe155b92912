package dev.policygate.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.CessationClause;
import dev.policygate.facts.Fact;
import dev.policygate.facts.IncidentNotification;
import dev.policygate.facts.SecurityMeasure;
import dev.policygate.facts.SecurityMeasure.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityExtractorTest {
    private static List<Fact> run(String text) {
        return new SecurityExtractor().extract(ExtractBCorpus.text(text));
    }

    private static <T> List<T> of(List<Fact> fs, Class<T> c) {
        return fs.stream().filter(c::isInstance).map(c::cast).toList();
    }

    private static List<Kind> kinds(String text) {
        return of(run(text), SecurityMeasure.class).stream().map(SecurityMeasure::kind).toList();
    }

    @Test
    void measures() {
        assertTrue(kinds("我们使用SSL加密技术传输数据，并部署访问控制机制。")
                .containsAll(List.of(Kind.SECURE_TRANSMISSION, Kind.ENCRYPTION, Kind.ACCESS_CONTROL)));
        assertEquals(List.of(Kind.TRAINING), kinds("我们会定期对员工进行数据安全培训。"));
        assertEquals(List.of(Kind.CERTIFICATION), kinds("我们的系统已通过信息安全等级保护三级测评。"));
        assertEquals(List.of(Kind.BACKUP), kinds("我们建立了数据备份机制以保障数据安全。"));
        assertEquals(List.of(Kind.EMERGENCY_PLAN), kinds("我们制定了个人信息安全事件应急预案。"));
        assertTrue(kinds("当您使用扫码功能时，我们会申请相机访问权限。").isEmpty());
        // access kept to those who need it, in the words of GB/T 35273's examples
        assertEquals(List.of(Kind.ACCESS_CONTROL), kinds("我们采取各项措施保护您的信息安全，并严格控制对个人信息的访问。"));
        assertEquals(List.of(Kind.ACCESS_CONTROL), kinds("我们采取了严格的内部措施，仅允许有必要知悉的员工访问您的个人信息。"));
        assertTrue(kinds("为保护您的个人信息，我们制定了内部管理制度和操作规程。").contains(Kind.OTHER));
    }

    @Test
    void measureWordsAreJudgedWhereTheyStand() {
        // a background check stays an audit measure in a sentence that also speaks of incident handling
        assertTrue(kinds("我们会对关键岗位的人员进行安全背景审查，并建立了个人信息安全事件的处置机制。").contains(Kind.AUDIT));
        // preventing a leak is not an incident: its monitoring is an audit measure
        assertTrue(kinds("为防止个人信息泄露，我们会对相关操作进行日志记录和监控。").contains(Kind.AUDIT));
        // monitoring after an incident is the incident's handling
        assertFalse(kinds("发生个人信息安全事件后，我们将采取措施监控事态的发展。").contains(Kind.AUDIT));
        // an identity check (实名认证) elsewhere in the sentence does not hide a certification
        assertTrue(kinds("我们的系统已通过网络安全等级保护三级测评，实名认证信息也会加密存储。").contains(Kind.CERTIFICATION));
        // de-identification as the end of retention is no protection measure, even in a clause of its own
        assertFalse(kinds("注销账号后我们将删除您的信息，若删除从技术上难以实现，我们会采取安全措施进行匿名化处理。")
                .contains(Kind.DE_IDENTIFICATION));
    }

    @Test
    void incidentNotification() {
        IncidentNotification full = of(run("发生个人信息安全事件后，我们将及时告知您事件的基本情况和可能的影响，并以邮件、短信方式通知您。"),
                IncidentNotification.class).get(0);
        assertTrue(full.describesContent());
        assertEquals(List.of("邮件", "短信"), full.channels());
        IncidentNotification bare = of(run("如发生安全事件，我们会及时告知您。"), IncidentNotification.class).get(0);
        assertFalse(bare.describesContent());
        assertTrue(bare.channels().isEmpty());
        // 通报 is telling too
        assertTrue(of(run("如果发生安全事件，我们将履行通知义务，向您通报安全事件的基本信息和我们采取的补救措施。"),
                IncidentNotification.class).get(0).describesContent());
    }

    @Test
    void cessation() {
        CessationClause c = of(run("如我们停止运营，我们将停止收集您的个人信息，以公告形式通知您，并删除您的个人信息。"),
                CessationClause.class).get(0);
        assertTrue(c.notifiesUsers() && c.stopsCollection() && c.deletesOrAnonymises());
        CessationClause n = of(run("如我们停止运营，我们将以推送通知的形式通知您。"), CessationClause.class).get(0);
        assertTrue(n.notifiesUsers());
        assertFalse(n.stopsCollection());
        assertFalse(n.deletesOrAnonymises());
    }
}
