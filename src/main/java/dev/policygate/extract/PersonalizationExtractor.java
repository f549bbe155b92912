package dev.policygate.extract;

import dev.policygate.facts.Personalization;
import dev.policygate.facts.Personalization.Kind;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Personalised recommendation and profiling ({@code lexicon/personalization.tsv}): {@code DECLARED} when the policy
 * says it recommends/pushes by personal features or builds profiles (not when it says it does not);
 * {@code SWITCH_OFF} when the personalisation itself can be switched off (关闭个性化推荐, with the path when given);
 * {@code NON_PERSONALISED_OPTION} for 不针对个人特征的选项 / 非个性化; {@code GENERIC_ROUTE} for unsubscribing from
 * marketing (退订, 回复TD), cookie settings, or deleting profile data (删除…画像/浏览记录). One fact per kind, with the
 * first path found, citing each sentence.
 */
public final class PersonalizationExtractor implements AreaExtractor {
    private static final Rx UNSUBSCRIBE = Rx.of("退订|订阅|TD|拒收");
    private static final LexiconFile L = LexiconFile.load("lexicon/personalization.tsv");
    /** Cheap pre-filter: a sentence without any of these cannot hold a personalisation fact. */
    private static final Rx ANY = Rx.of(
            "个性|画像|推荐|定向|精准|千人千面|程序化|推送|退订|订阅|TD|拒收|[Cc]ookie|个人特征|通用|偏好|标签|算法|记录");
    private static final Rx MARKETING = Rx.of("推广|营销|广告|商业|短信|推送|促销|优惠|活动");
    private static final Rx PERSONAL = Rx.of("画像|个性化|推荐|定向|偏好");

    @Override
    public List<Personalization> extract(Document d) {
        Map<Kind, String> paths = new LinkedHashMap<>();
        ClauseText.Grouped<Kind> g = new ClauseText.Grouped<>();
        String prev = "";
        for (Sentence s : d.sentences()) {
            String t = s.text();
            String context = prev + t;
            prev = t;
            if (!ANY.find(t)) {
                continue;
            }
            boolean declared = L.find("DECLARED", t) && !L.find("NEGATED", t);
            List<Kind> kinds = new ArrayList<>();
            if (declared) {
                kinds.add(Kind.DECLARED);
            }
            if (L.find("SWITCH_OFF", t) && PERSONAL.find(t)) {
                kinds.add(Kind.SWITCH_OFF);
            }
            if (L.find("NON_PERSONALISED", t)) {
                kinds.add(Kind.NON_PERSONALISED_OPTION);
            }
            if (L.find("GENERIC_ROUTE", t)) {
                boolean cookie = t.toLowerCase().contains("cookie");
                boolean unsubscribe = UNSUBSCRIBE.find(t);
                boolean profileDelete = PERSONAL.find(t);
                if (cookie || unsubscribe && MARKETING.find(context) || profileDelete) {
                    kinds.add(Kind.GENERIC_ROUTE);
                }
            }
            if (kinds.isEmpty()) {
                continue;
            }
            InAppPath.Found p = ClauseText.path(d, s);
            for (Kind k : kinds) {
                g.add(k, d.cite(s));
                if (p != null && k != Kind.DECLARED) {
                    paths.putIfAbsent(k, p.path());
                }
            }
        }
        return g.build((k, c) -> new Personalization(k, paths.get(k), c));
    }
}
