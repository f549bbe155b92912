package dev.policygate.extract;

import dev.policygate.facts.ComplaintChannel;
import dev.policygate.facts.ComplaintChannel.Kind;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Channels for complaints and reports: a sentence that names 投诉 (COMPLAINT) or only 举报 (REPORT) together with a
 * way to reach the handler (联系方式, 客服, 邮箱, an email or phone, 通过…提交 …), not addressed to an external body
 * and not an item of a change list (投诉渠道发生变化). {@code GENERAL_CONTACT} when a contact is given only for
 * 疑问/意见/建议/咨询. {@code channel} is the contact value or path in the sentence, else the channel wording.
 * One fact per (kind, channel), citing each sentence.
 */
public final class ComplaintExtractor implements AreaExtractor {
    /** A sentence about what is collected or recorded when users contact us is not a contact statement. */
    private static final Rx RECORDING = Rx.of("收集|记录");
    private static final LexiconFile L = DeadlineExtractor.L;
    private static final Rx EXTERNAL_TARGET = Rx.of(
            "向[^。；，,]{0,16}(?:网信|监管|主管|消费者|法院|公安|行政|政府|有关部门|12315|12377|协会)[^。；，,]{0,10}(?:投诉|举报|申诉|起诉|反映)");
    private static final Rx CHANNEL_WORD = Rx.of(
            "(?:客服|在线客服|客服热线|客服电话|客服联系方式|联系方式|邮箱|电子邮件|邮件|热线|电话|投诉渠道|举报渠道|投诉通道|举报入口|投诉入口|意见反馈|反馈渠道|联系我们|与我们(?:取得)?联系|(?:如下|以下)(?:任一)?(?:方式|途径|渠道))");

    private static final Rx GENERAL_WAY = Rx.of(
            "联系我们|与我们(?:取得)?联系|联系方式|以下方式|以下途径|客服|反馈(?:通道|渠道|入口)|发送邮件|致电|拨打");

    private static final Rx COMPLAINT_WAY = Rx.of(
            "(?:您|你)[^。；]{0,60}(?:投诉|举报)|(?:投诉|举报)(?:、|或|和|及|与)?(?:举报|投诉)?(?:渠道|通道|入口|电话|邮箱|方式|热线|途径|中心|平台|受理)"
                    + "|(?:进行|提出|发起|提交|受理|接受|处理)(?:您的)?(?:投诉|举报)|(?:投诉|举报)(?:请|可)");
    private static final Rx ASKING = Rx.of(
            "如您|若您|如果您|您对|您可以|您可通过|您可|您也可以|您还可以|请您?(?:通过|联系|发送|拨打|致电)|您有任何|均可|都可");

    /** How many "；" clauses after a complaint clause without a contact may carry its channel. */
    private static final int MAX_CLAUSES_AFTER = 2;
    private static final Rx CONTINUING_CLAUSE = Rx.of("^(?:或者?|您|你|请|均可|都可)");

    /**
     * The clauses that continue a complaint clause ending in "；" ("…有任何疑问、投诉；" "或者…；" "您都可以通过电子邮件…联系"):
     * up to {@link #MAX_CLAUSES_AFTER}, through the first that ends the sentence.
     */
    private static List<Sentence> clausesAfter(List<Sentence> all, int i, Document d) {
        List<Sentence> out = new ArrayList<>();
        for (int k = i + 1; k < Math.min(all.size(), i + 1 + MAX_CLAUSES_AFTER); k++) {
            String clause = all.get(k).text().strip();
            if (!CONTINUING_CLAUSE.find(clause)) {
                break; // a numbered item of a list is another item, not the rest of the sentence
            }
            out.add(all.get(k));
            if (!clause.endsWith("；")) {
                break;
            }
        }
        return out;
    }

    @Override
    public List<ComplaintChannel> extract(Document d) {
        ClauseText.Grouped<List<Object>> g = new ClauseText.Grouped<>();
        ClauseText.Grouped<List<Object>> general = new ClauseText.Grouped<>();
        List<Sentence> all = d.sentences();
        for (int si = 0; si < all.size(); si++) {
            Sentence s = all.get(si);
            String t = s.text();
            List<Sentence> joined = L.find("COMPLAINT", t) && t.strip().endsWith("；") && ClauseText.contacts(d, s).isEmpty()
                    ? clausesAfter(all, si, d) : List.of();
            for (Sentence j : joined) {
                t = t + j.text();
            }
            boolean complaint = L.find("COMPLAINT", t);
            boolean report = L.find("REPORT", t);
            if (!complaint && !report && !L.find("GENERAL", t)
                    || L.find("NOT_CHANNEL", t) || ContactExtractor.isChangeListItem(t)) {
                continue;
            }
            List<ContactExtractor.Found> contacts = new ArrayList<>(ClauseText.contacts(d, s));
            for (Sentence j : joined) {
                contacts.addAll(ClauseText.contacts(d, j));
            }
            boolean hasChannel = !contacts.isEmpty() || L.find("CHANNEL", t);
            String channel = contacts.isEmpty() ? channelWord(t) : contacts.get(0).value();
            if ((complaint || report) && hasChannel && channel != null && COMPLAINT_WAY.find(t)) {
                String stripped = EXTERNAL_TARGET.matcher(t).replaceAll("");
                if (L.find("COMPLAINT", stripped) || L.find("REPORT", stripped)) {
                    Kind k = L.find("COMPLAINT", stripped) ? Kind.COMPLAINT : Kind.REPORT;
                    g.add(List.of(k, channel), d.cite(s));
                    continue;
                }
            }
            if (L.find("GENERAL", t) && GENERAL_WAY.find(t) && ASKING.find(t) && channel != null
                    && !RECORDING.find(t)) {
                general.add(List.of(Kind.GENERAL_CONTACT, channel), d.cite(s));
            }
        }
        List<ComplaintChannel> out = g.build((k, c) -> new ComplaintChannel((Kind) k.get(0), (String) k.get(1), c));
        // general contacts are reported too: rules use them only when no complaint channel exists
        out.addAll(general.build((k, c) -> new ComplaintChannel((Kind) k.get(0), (String) k.get(1), c)));
        return out;
    }

    /** Whether {@code channel} is only a channel's name ("联系方式", "客服"), not a contact value or path. */
    static boolean isChannelWord(String channel) {
        return channel != null && CHANNEL_WORD.matcher(channel).matches();
    }

    private static String channelWord(String t) {
        Matcher m = CHANNEL_WORD.matcher(t);
        return m.find() ? m.group() : null;
    }
}
