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
 * policy and a change, the sentence right after such a sentence and its list of changes, or any sentence of a section
 * headed 本政策如何更新/变更. {@code PAGE_UPDATE} is emitted only when
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
    /**
     * How many list items may stand between a sentence about a change of the policy and the sentence that says how
     * users are told of it ("如本政策发生重大变更，包括：①…；②…；③…。我们将通过邮件、弹窗对您进行通知"): the notice
     * belongs to the change though it names none.
     */
    private static final int ITEMS_BETWEEN = 8;
    /** A list item of the changes: short, or ending as an item does. */
    private static final int ITEM_LENGTH = 60;
    /** A change that may come (如本政策发生重大变更), not the date of the last one (本政策于…更新). */
    private static final Rx CHANGE_TO_COME = Rx.of("如|若|一旦|发生|出现|重大|可能|不时|适时");
    /** Telling the user: "对您进行通知", "告知您", "向您发布". */
    private static final Rx TELLS_USER = Rx.of(
            "(?:通知|告知|提示|提醒|告诉)[^。；，]{0,4}(?:您|你|用户)|(?:向|对)(?:您|你|用户)[^。；]{0,12}(?:通知|告知|提示|提醒|发布|发送|推送)");

    @Override
    public List<ChangeNotice> extract(Document d) {
        ClauseText.Grouped<Method> g = new ClauseText.Grouped<>();
        ClauseText.Grouped<Method> page = new ClauseText.Grouped<>();
        int sinceChange = Integer.MAX_VALUE; // list items read since the last sentence about a change of the policy
        for (Sentence s : d.sentences()) {
            String t = s.text();
            String inner = innermost(s.section());
            // 本政策如何更新 anywhere in the path, or a bare 变更 / 更新 heading (a policy's own change section)
            boolean inChangeSection = L.find("CHANGE_HEADING", inner)
                    && (HEADING_POLICY.find(s.section()) || inner.strip().length() <= BARE_HEADING);
            boolean aboutChange = ClauseText.POLICY_WORD.matcher(t).find() && L.find("CHANGE", t);
            boolean afterChange = sinceChange <= ITEMS_BETWEEN && TELLS_USER.find(t);
            if (aboutChange) {
                sinceChange = CHANGE_TO_COME.find(t) ? 0 : Integer.MAX_VALUE;
            } else if (sinceChange != Integer.MAX_VALUE) {
                boolean item = t.length() <= ITEM_LENGTH || t.endsWith("；") || t.endsWith(";");
                sinceChange = item ? sinceChange + 1 : Integer.MAX_VALUE;
            }
            if (!(aboutChange || inChangeSection || afterChange) || NOT_CHANGE.find(t)) {
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
