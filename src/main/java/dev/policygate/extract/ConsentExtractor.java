package dev.policygate.extract;

import dev.policygate.facts.ConsentMechanism;
import dev.policygate.facts.ConsentMechanism.Kind;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How consent to the policy is given. A sentence about the policy (本政策/隐私政策/条款 …) counts as
 * <ul>
 *   <li>{@code IMPLIED_BY_CONTINUED_USE} when continuing to use after a change (更新/修订/变更 … 继续使用即视为同意),</li>
 *   <li>{@code IMPLIED_BY_USE} when using, registering or downloading counts as consent (使用即表示同意, 使用或继续使用 …
 *       视为同意) — a use that is not a continued use after a change,</li>
 *   <li>{@code EXPLICIT_ACT} for 点击同意, 勾选, 以点击或其他方式确认同意.</li>
 * </ul>
 * One fact per kind, citing every sentence of that kind (the sentence is the quote).
 */
public final class ConsentExtractor implements AreaExtractor {
    private static final LexiconFile L = LexiconFile.load("lexicon/notice.tsv");
    private static final Rx THIRD = Rx.of("第三方|SDK|合作方|授权登录|Cookie|cookie");
    private static final Rx NOT_MEAN = Rx.of("不(?:代表|表示|意味着|视为|等于)|并不|并非");
    private static final Rx NEG_USE = Rx.of("不(?:同意|接受)[^。；]{0,20}(?:停止|不要|不应|请勿)[^。；]{0,6}使用");
    private static final Rx THIS_POLICY = Rx.of("本政策");
    /** A use that is stopped (停止使用, 不再使用) gives no consent. */
    private static final Rx STOPPED = Rx.of("停止|不再");
    private static final Rx STOP_USE = Rx.of("停止使用");
    /** 继续使用, and 继续访问或使用: continuing governs every verb of the pair. */
    private static final Rx CONTINUE_VERB = Rx.of(
            "(?:继续|仍然|仍|持续|再次)(?:使用|访问|登录|浏览)(?:(?:或|或者|及|和|、|/)(?:使用|访问|登录|浏览))*");

    @Override
    public List<ConsentMechanism> extract(Document d) {
        ClauseText.Grouped<Kind> g = new ClauseText.Grouped<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            boolean aboutPolicy = ClauseText.POLICY_WORD.matcher(t).find() || L.find("POLICY_REFERENCE", t);
            if (!aboutPolicy) {
                continue;
            }
            boolean third = THIRD.find(t) && !THIS_POLICY.find(t);
            if (L.find("EXPLICIT", t) && !L.find("NEGATED", t) && !third) {
                g.add(Kind.EXPLICIT_ACT, d.cite(s));
            }
            boolean changeContext = L.find("CHANGE", t)
                    || L.find("CHANGE_HEADING", s.section()) && !s.section().isEmpty();
            java.util.regex.Matcher cm = L.rx("CONTINUED_USE").matcher(t);
            boolean continued = cm.find() && !NOT_MEAN.find(cm.group());
            String withoutContinued = CONTINUE_VERB.matcher(t).replaceAll("继续X");
            boolean use = false;
            java.util.regex.Matcher um = L.rx("USE").matcher(withoutContinued);
            while (um.find() && !third) {
                String u = um.group();
                int at = um.start();
                String before = withoutContinued.substring(Math.max(0, at - 3), at + 1);
                if (!STOPPED.find(before) && !STOP_USE.find(u) && !NOT_MEAN.find(u)) {
                    use = true;
                    break;
                }
            }
            if (use) {
                g.add(Kind.IMPLIED_BY_USE, d.cite(s));
            } else if (continued && changeContext) {
                g.add(Kind.IMPLIED_BY_CONTINUED_USE, d.cite(s));
            } else if (continued && !third) {
                g.add(Kind.IMPLIED_BY_USE, d.cite(s));
            }
        }
        return g.build(ConsentMechanism::new);
    }
}
