package dev.policygate.extract;

import dev.policygate.facts.ChangeNotice;
import dev.policygate.facts.ChangeNotice.Method;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How users are told of changes to the policy: one fact per notice method (push, pop-up, SMS, email, in-app
 * message, prominent notice) named in a sentence about changing this policy — a sentence that mentions the
 * policy and a change, or any sentence of a section headed 本政策如何更新/变更. {@code PAGE_UPDATE} is emitted only when
 * no other method is found, i.e. when the policy only posts the new version on its page.
 */
public final class ChangeNoticeExtractor implements AreaExtractor {
    private static final LexiconFile L = LexiconFile.load("lexicon/notice.tsv");
    private static final Method[] ACTIVE = {Method.PUSH, Method.POPUP, Method.SMS, Method.EMAIL, Method.IN_APP_MESSAGE,
            Method.PROMINENT_NOTICE};
    private static final Rx NOT_CHANGE = Rx.of(
            "安全事件|停止运营|终止运营|营销|推广信息|广告|验证码|另行(?:向您)?说明|收集(?:的)?目的|说明对应");
    private static final Rx HEADING_POLICY = Rx.of("政策|指引|声明|规则|本政策|如何");
    /** A heading this short that names a change ("变更", "5. 更新") heads the policy's change section. */
    private static final int BARE_HEADING = 6;

    @Override
    public List<ChangeNotice> extract(Document d) {
        ClauseText.Grouped<Method> g = new ClauseText.Grouped<>();
        ClauseText.Grouped<Method> page = new ClauseText.Grouped<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            String inner = innermost(s.section());
            // 本政策如何更新 anywhere in the path, or a bare 变更 / 更新 heading (a policy's own change section)
            boolean inChangeSection = L.find("CHANGE_HEADING", inner)
                    && (HEADING_POLICY.find(s.section()) || inner.strip().length() <= BARE_HEADING);
            boolean aboutChange = ClauseText.POLICY_WORD.matcher(t).find() && L.find("CHANGE", t);
            if (!(aboutChange || inChangeSection) || NOT_CHANGE.find(t)) {
                continue;
            }
            if (!(L.find("TELLS", t) || L.find("PAGE_UPDATE", t))) {
                continue;
            }
            for (Method m : ACTIVE) {
                if (L.find(m.name(), t)) {
                    g.add(m, d.cite(s));
                }
            }
            if (L.find("PAGE_UPDATE", t)) {
                page.add(Method.PAGE_UPDATE, d.cite(s));
            }
        }
        if (g.map().isEmpty()) {
            return page.build(ChangeNotice::new);
        }
        return g.build(ChangeNotice::new);
    }

    private static String innermost(String path) {
        int i = path.lastIndexOf(" > ");
        return i < 0 ? path : path.substring(i + 3);
    }
}
