package dev.policygate.extract;

import dev.policygate.facts.Contact.Channel;
import dev.policygate.facts.ProtectionOfficer;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The person or department designated for personal-information protection (个人信息保护负责人/部门/专职部门,
 * 数据保护官 …). Mentions inside a list of possible policy changes (…负责人的联系方式及投诉渠道发生变化时) are skipped.
 * {@code hasOwnContact} is true when the mention itself carries an email, phone or address, or when it is a
 * label (…负责人联系方式：/如下) followed within a few lines by one that is not a customer-service line.
 * One fact per designation.
 */
public final class ProtectionOfficerExtractor implements AreaExtractor {
    /** A contact given after 客服 is the customer service's, not the officer's own. */
    private static final Rx CUSTOMER_SERVICE = Rx.of("客服");
    @Override
    public List<ProtectionOfficer> extract(Document d) {
        Map<String, Object[]> by = new LinkedHashMap<>();
        List<Sentence> ss = d.sentences();
        for (int i = 0; i < ss.size(); i++) {
            Sentence s = ss.get(i);
            String t = s.text();
            if (!ContactExtractor.isOfficerMention(t)) {
                continue;
            }
            Matcher m = ContactExtractor.L.rx("OFFICER").matcher(t);
            m.find();
            String designation = m.group();
            boolean own = hasContact(d, s);
            if (!own && (t.strip().endsWith("：") || t.strip().endsWith(":") || ContactExtractor.FOLLOWS.matcher(t).find())) {
                for (int j = i + 1; j < Math.min(ss.size(), i + 4) && !own; j++) {
                    Sentence next = ss.get(j);
                    boolean contact = hasContact(d, next);
                    if (ClauseText.isHeadingLine(d, next) && !contact) {
                        break;
                    }
                    own = contact && !CUSTOMER_SERVICE.find(next.text());
                }
            }
            Object[] cur = by.computeIfAbsent(designation, k -> new Object[] {false, new ArrayList<>()});
            cur[0] = (Boolean) cur[0] || own;
            @SuppressWarnings("unchecked")
            List<dev.policygate.facts.Citation> cites = (List<dev.policygate.facts.Citation>) cur[1];
            cites.add(d.cite(s));
        }
        List<ProtectionOfficer> out = new ArrayList<>();
        by.forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            List<dev.policygate.facts.Citation> cites = (List<dev.policygate.facts.Citation>) v[1];
            out.add(new ProtectionOfficer(k, (Boolean) v[0], List.copyOf(cites)));
        });
        return out;
    }

    /** Whether the sentence gives a contact, read as {@link ContactExtractor} reads it (an announced address too). */
    private static boolean hasContact(Document d, Sentence s) {
        return ClauseText.contacts(d, s).stream().anyMatch(f -> f.channel() != Channel.FEEDBACK_PATH
                && f.channel() != Channel.WEBSITE);
    }
}
