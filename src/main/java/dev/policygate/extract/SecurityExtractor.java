package dev.policygate.extract;

import dev.policygate.facts.CessationClause;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.IncidentNotification;
import dev.policygate.facts.SecurityMeasure;
import dev.policygate.facts.SecurityMeasure.Kind;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protection measures ({@link SecurityMeasure}, one fact per kind), the commitment to notify users of security
 * incidents ({@link IncidentNotification}: whether it says what will be told and through which channels) and
 * what happens if the service stops ({@link CessationClause}).
 */
public final class SecurityExtractor implements AreaExtractor {
    private static final int MAX_CITES = 3;

    private static final Map<Kind, Rx> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put(Kind.SECURE_TRANSMISSION, Rx.of("SSL|TLS|HTTPS|https协议|安全传输|传输层安全|加密传输|传输加密|安全通道|安全协议"));
        MEASURES.put(Kind.ENCRYPTION, Rx.of("加密"));
        MEASURES.put(Kind.ACCESS_CONTROL, Rx.of("访问控制|权限控制|权限管理|最小(?:够用)?授权|最小权限|授权人员才|数据访问权限|访问权限控制|身份认证及权限|访问审批|严格限制[^。；]{0,10}访问|权限分离"
                + "|控制[^。；，]{0,12}的访问|仅(?:向|限|允许)[^。；]{0,20}(?:员工|人员)[^。；]{0,16}(?:访问|开放|接触|知悉)"));
        MEASURES.put(Kind.DE_IDENTIFICATION, Rx.of("去标识化|匿名化|脱敏"));
        MEASURES.put(Kind.TRAINING, Rx.of("培训|安全意识|意识培养|安全教育"));
        MEASURES.put(Kind.CERTIFICATION, Rx.of("等级保护|等保|ISO\\s*/?\\s*(?:IEC\\s*)?27001|ISO\\s*/?\\s*(?:IEC\\s*)?27701|安全认证|安全管理体系认证|三级认证|二级认证|备案|测评"));
        MEASURES.put(Kind.AUDIT, Rx.of("审计|安全审查|背景审查|监控|日志记录"));
        MEASURES.put(Kind.BACKUP, Rx.of("数据备份|定期备份|备份机制|异地备份|容灾"));
        MEASURES.put(Kind.EMERGENCY_PLAN, Rx.of("应急预案|应急响应|应急处置|应急机制|应急保障|应急演练|应急处理"));
        MEASURES.put(Kind.OTHER, Rx.of("安全管理制度|数据安全管理体系|安全管理体系|防火墙|入侵检测|防病毒|安全防护措施|安全责任部门|保密协议|数据分类分级|内部管理制度|操作规程"));
    }

    private static final Rx SECURITY_CONTEXT = Rx.of("安全|保护|措施|防止|技术|部署|建立|采取|使用|采用|确保|保障|保密|防护");
    private static final Rx NOT_MEASURE = Rx.of("SDK|无需征得|直接相关|您可以|您有权|请您|提醒您");
    private static final Rx INCIDENT = Rx.of("安全事件|泄露[^。；]{0,10}事件|信息泄露|数据泄露|事件发生后|安全事故");
    private static final Rx NOTIFY = Rx.of("告知|通知|告诉|推送|公告|发送|知会|通报");
    private static final Rx NOTIFY_USER = Rx.of(
            "(?:告知|通知|告诉|推送|发送|知会|通报)[^。；]{0,6}(?:您|你|用户|个人信息主体)|(?:向|对)(?:您|你|用户)[^。；]{0,12}(?:告知|通知|推送|发送|通报)|(?:发布|进行)公告|(?:方式|形式)(?:告知|通知)");
    private static final Rx CONTENT = Rx.of("基本情况|可能(?:的|产生的|造成的)?影响|处置措施|处理措施|补救措施|已采取或将要采取|防范和降低风险|降低风险的建议|自主防范|防范建议");
    private static final Map<String, Rx> CHANNELS = new LinkedHashMap<>();

    static {
        CHANNELS.put("邮件", Rx.of("邮件|邮箱"));
        CHANNELS.put("信函", Rx.of("信函"));
        CHANNELS.put("电话", Rx.of("电话"));
        CHANNELS.put("短信", Rx.of("短信"));
        CHANNELS.put("推送通知", Rx.of("推送"));
        CHANNELS.put("站内信", Rx.of("站内信|站内消息|消息中心|系统消息|弹窗"));
        CHANNELS.put("公告", Rx.of("公告"));
    }

    private static final Rx CEASE = Rx.of("停止运营|终止运营|停止(?:提供)?(?:产品|服务)(?:运营)?|停运|终止(?:提供)?服务|业务终止|关闭(?:产品|服务|平台)");
    private static final Rx CEASE_NOTIFY = Rx.of("通知|公告|告知|送达");
    private static final Rx CEASE_STOP = Rx.of("停止[^。；]{0,10}收集|不再收集|停止收集");
    private static final Rx CEASE_DELETE = Rx.of("删除|匿名化");
    /** A right or a retention rule that names the service's end as one of its cases, not what happens then. */
    private static final Rx CEASE_AS_CASE = Rx.of("保存期限|您有权|您可以|要求删除|请求删除");

    private static final Rx DEID_FRAME = Rx.of("安全|保护|措施|技术手段|防止|降低");
    private static final Rx STAFF = Rx.of("员工|人员|职员");
    /** A certification, not an identity check (实名认证). */
    private static final Rx CERT_WORD = Rx.of("(?<!实名)认证|等级保护|等保|ISO|测评|备案");
    private static final Rx DEID_NOT_MEASURE = Rx.of("注销|超出|届满|共享|删除");
    private static final Rx AUDIT_WORD = Rx.of("审计");
    /** The incident itself, not its prevention (为防止信息泄露，我们…监控 stays an audit measure). */
    private static final Rx SECURITY_INCIDENT = Rx.of("安全事件");
    @Override
    public List<Fact> extract(Document d) {
        Map<Kind, List<Sentence>> measures = new EnumMap<>(Kind.class);
        List<Sentence> incident = new ArrayList<>();
        List<Sentence> cessation = new ArrayList<>();
        List<Sentence> all = d.sentences();
        for (int i = 0; i < all.size(); i++) {
            Sentence s = all.get(i);
            String t = s.text();
            if (ClauseText.isExceptionItem(t)) {
                continue;
            }
            if (SECURITY_CONTEXT.find(t) && !NOT_MEASURE.find(t) && t.length() > 12) {
                for (Map.Entry<Kind, Rx> e : MEASURES.entrySet()) {
                    if (measureIn(e.getKey(), e.getValue(), t)) {
                        measures.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
                    }
                }
            }
            if (INCIDENT.find(t) && NOTIFY_USER.find(t)) {
                incident.add(s);
                // the content or channels often follow in the next sentences
                for (int k = i + 1; k < Math.min(all.size(), i + 3); k++) {
                    String n = all.get(k).text();
                    if ((CONTENT.find(n) || hasChannel(n)) && NOTIFY.find(n)
                            && !CEASE.find(n) && !incident.contains(all.get(k))) {
                        incident.add(all.get(k));
                    }
                }
            }
            if (CEASE.find(t) && (CEASE_NOTIFY.find(t) || CEASE_STOP.find(t)
                    || CEASE_DELETE.find(t)) && !CEASE_AS_CASE.find(t)) {
                cessation.add(s);
                if (i + 1 < all.size()) {
                    String n = all.get(i + 1).text();
                    if (CEASE_DELETE.find(n) || CEASE_STOP.find(n)) {
                        cessation.add(all.get(i + 1));
                    }
                }
            }
        }
        List<Fact> out = new ArrayList<>();
        for (Map.Entry<Kind, List<Sentence>> e : measures.entrySet()) {
            out.add(new SecurityMeasure(e.getKey(), ClauseText.cites(d, e.getValue(), MAX_CITES)));
        }
        if (!incident.isEmpty()) {
            boolean content = false;
            List<String> channels = new ArrayList<>();
            for (Sentence s : incident) {
                String t = s.text();
                content |= CONTENT.find(t);
                for (Map.Entry<String, Rx> c : CHANNELS.entrySet()) {
                    if (c.getValue().find(t) && !channels.contains(c.getKey())) {
                        channels.add(c.getKey());
                    }
                }
            }
            out.add(new IncidentNotification(content, channels, ClauseText.cites(d, incident, 4)));
        }
        if (!cessation.isEmpty()) {
            boolean notify = false;
            boolean stop = false;
            boolean delete = false;
            for (Sentence s : cessation) {
                String t = s.text();
                notify |= CEASE_NOTIFY.find(t);
                stop |= CEASE_STOP.find(t);
                delete |= CEASE_DELETE.find(t);
            }
            out.add(new CessationClause(notify, stop, delete, ClauseText.cites(d, cessation, MAX_CITES)));
        }
        return out;
    }

    private static boolean hasChannel(String t) {
        for (Rx p : CHANNELS.values()) {
            if (p.find(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a measure word of kind {@code k} stands in {@code t} where it is a measure. */
    private static boolean measureIn(Kind k, Rx word, String t) {
        if (k != Kind.AUDIT) {
            return word.find(t) && measureOk(k, t, null);
        }
        Matcher m = word.matcher(t);
        for (int at = 0; word.findFrom(m, t, at); at = Math.max(m.end(), m.start() + 1)) {
            if (measureOk(k, t, t.substring(0, m.end()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code lead}: the sentence up to the end of the measure word (a condition stated before it bears on it). */
    private static boolean measureOk(Kind k, String t, String lead) {
        return switch (k) {
            // de-identification counts as a protection measure only when framed as one, and not in a sentence about
            // the end of retention or sharing ("若删除从技术上难以实现，我们会进行匿名化处理": the condition is a clause of
            // its own, so the whole sentence is read)
            case DE_IDENTIFICATION -> DEID_FRAME.find(t) && !DEID_NOT_MEASURE.find(t);
            case TRAINING -> STAFF.find(t);
            case CERTIFICATION -> CERT_WORD.find(t);
            // monitoring after an incident is the incident's handling, not an audit measure; a background check
            // before "…安全事件处置机制" in the same sentence stays one
            case AUDIT -> !SECURITY_INCIDENT.find(lead) || AUDIT_WORD.find(lead);
            default -> true;
        };
    }

}
