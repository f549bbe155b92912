package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.RightStatement;
import dev.policygate.facts.RightStatement.Condition;
import dev.policygate.facts.RightStatement.Right;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data-subject rights and how to exercise them. A right is recognised by the keywords of {@code lexicon/rights.tsv}
 * in a heading (（九）注销您的账户, 1.访问、修改个人信息), or in a sentence of a rights section, or in any sentence whose
 * subject is the user (您有权/您可以 …). A sentence without a right keyword of its own lends its way to the rights of
 * the heading above it; numbered step lines under a heading (点击“我的”; 点击“帮助中心” …) are joined into one path.
 * A sentence about 上述权利/上述请求 lends its channels to all rights seen so far.
 * <p>One fact per right (the policy's statements of a right are read together): {@code path} is the first in-app path
 * (canonical 我的＞设置＞注销账户), {@code channels} the union of SETTINGS / CONTACT / CUSTOMER_SERVICE / ONLINE_FORM /
 * OFFLINE, {@code conditions} MANUAL_REVIEW (审核), and — when no in-app/online way exists — RE_REGISTRATION (注销后重新注册),
 * OFFLINE_VISIT (only offline) or CONTACT_STAFF (only contacting staff). Citations are the sentences, in text order.
 */
public final class RightsExtractor implements AreaExtractor {
    static final LexiconFile L = LexiconFile.load("lexicon/rights.tsv");
    private static final Right[] RIGHTS = Right.values();
    private static final String[] CHANNELS = {"SETTINGS", "CONTACT", "CUSTOMER_SERVICE", "ONLINE_FORM", "OFFLINE"};
    private static final Rx ALL_RIGHTS = Rx.of("(?:上述|以上|前述|这些|相关)(?:权利|请求|要求)|行使(?:您的)?(?:个人信息)?(?:权利|权益)");
    /** "您也可以拨打电话…联系我们" right after a right's sentence: another way to exercise the same rights. */
    private static final Rx CONTINUATION = Rx.of("^[^。；]{0,12}(?:也可以|也可|还可以|还可|亦可)");
    /** …and it is a way to reach us with the request, not another feature ("您也可以在设置中关闭营销短信"). */
    private static final Rx CONTINUED_REQUEST = Rx.of("联系我们|与我们(?:取得)?联系|提交|申请|行使|办理");
    private static final Rx OWN_PI = Rx.of("您有权|权利|行使|(?:查阅|访问|查询)权|(?:查阅|查询|访问|查看)(?:[、和及与或/][^。；、]{1,4})*(?:您的)?(?:个人信息|个人资料)");

    /** Cheap pre-filter for sentences outside a right's heading: words every right keyword or way contains. */
    private static final Rx ANY_RIGHT = Rx.of(
            "查|访问|复制|副本|转移|迁移|传输|转至|转给|携带|更正|补充|修改|更改|修正|编辑|更新|删除|清除|撤|收回|取消|改变|关闭|注销|限制|拒绝|反对|约束|解释|说明|权利|请求");

    private static final class Acc {
        String path;
        final Set<String> channels = new LinkedHashSet<>();
        final Set<Condition> conditions = new LinkedHashSet<>();
        final List<Citation> cites = new ArrayList<>();
        private final Set<Citation> cited = new java.util.HashSet<>();

        void cite(Citation c) {
            if (cited.add(c)) {
                cites.add(c);
            }
        }
    }

    @Override
    public List<RightStatement> extract(Document d) {
        Map<Right, Acc> acc = new LinkedHashMap<>();
        Set<Right> heading = EnumSet.noneOf(Right.class);
        List<InAppPath.Found> steps = new ArrayList<>();
        String headingSection = null;
        Map<String, Boolean> sectionCache = new java.util.HashMap<>();
        // the rights of the sentence just before, which a continuation ("您也可以…") lends its ways to
        Set<Right> lastTargets = EnumSet.noneOf(Right.class);
        int lastTargetsAt = -2;
        List<Sentence> sentences = d.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            String t = s.text();
            boolean headingLine = ClauseText.isHeadingLine(d, s);
            if (headingLine && !heading.isEmpty() && headingSection != null
                    && (s.section().startsWith(headingSection + " > ")
                        || s.section().equals(headingSection) && !InAppPath.clickTargets(t).isEmpty())
                    && heading.containsAll(rightsIn(t, true))) {
                // a numbered step or sub-item under a right's heading: keep the heading's rights
                List<InAppPath.Found> sub = InAppPath.clickTargets(t);
                if (!sub.isEmpty()) {
                    steps.addAll(sub);
                    for (Right r : heading) {
                        acc.computeIfAbsent(r, k -> new Acc()).cite(d.cite(s));
                    }
                } else {
                    flushSteps(acc, heading, steps);
                }
                continue;
            }
            if (headingLine || !s.section().equals(headingSection) && headingSection != null && !heading.isEmpty()
                    && sectionChanged(headingSection, s.section())) {
                flushSteps(acc, heading, steps);
                heading = EnumSet.noneOf(Right.class);
                headingSection = null;
            }
            if (headingLine) {
                Set<Right> hr = rightsIn(t, true);
                if (!hr.isEmpty()) {
                    heading = EnumSet.copyOf(hr);
                    headingSection = s.section();
                    for (Right r : hr) {
                        acc.computeIfAbsent(r, k -> new Acc()).cite(d.cite(s));
                    }
                }
                continue;
            }
            Boolean rs = sectionCache.get(s.section());
            if (rs == null) {
                rs = L.find("RIGHTS_HEADING", s.section());
                sectionCache.put(s.section(), rs);
            }
            boolean rightsSection = rs;
            if (heading.isEmpty() && !lastTargets.isEmpty() && i == lastTargetsAt + 1 && CONTINUATION.find(t)
                    && CONTINUED_REQUEST.find(t) && rightsIn(t, rightsSection).isEmpty()) {
                Set<String> lent = channels(t, ClauseText.path(d, s));
                if (!lent.isEmpty()) {
                    for (Right r : lastTargets) {
                        Acc a = acc.computeIfAbsent(r, k -> new Acc());
                        a.channels.addAll(lent);
                        a.cite(d.cite(s));
                    }
                    lastTargets = EnumSet.noneOf(Right.class);
                    continue;
                }
            }
            if (heading.isEmpty() && !ANY_RIGHT.find(t)) {
                continue;
            }
            boolean subject = L.find("SUBJECT", t);
            Set<Right> own = (rightsSection || subject) ? rightsIn(t, rightsSection) : EnumSet.noneOf(Right.class);
            if (own.isEmpty() && heading.isEmpty() && !((rightsSection || subject) && ALL_RIGHTS.find(t))) {
                continue;
            }
            List<InAppPath.Found> clicks = InAppPath.clickTargets(t);
            if (!heading.isEmpty() && !clicks.isEmpty() && (own.isEmpty() || heading.containsAll(own))
                    && InAppPath.chain(t) == null) {
                steps.addAll(clicks);
                for (Right r : heading) {
                    acc.get(r).cite(d.cite(s));
                }
                continue;
            }
            InAppPath.Found path = ClauseText.path(d, s);
            Set<String> channels = channels(t, path);
            Set<Condition> conds = EnumSet.noneOf(Condition.class);
            if (L.find("COND_MANUAL_REVIEW", t)) {
                conds.add(Condition.MANUAL_REVIEW);
            }
            if (L.find("COND_RE_REGISTRATION", t)) {
                conds.add(Condition.RE_REGISTRATION);
            }
            Set<Right> targets = own;
            if (own.isEmpty() && !heading.isEmpty() && (path != null || !channels.isEmpty() || !conds.isEmpty())) {
                targets = heading;
            }
            if (!targets.isEmpty()) {
                lastTargets = EnumSet.copyOf(targets);
                lastTargetsAt = i;
            }
            for (Right r : targets) {
                Acc a = acc.computeIfAbsent(r, k -> new Acc());
                a.cite(d.cite(s));
                if (a.path == null && path != null) {
                    a.path = path.path();
                }
                a.channels.addAll(channels);
                a.conditions.addAll(conds);
            }
            if (targets.isEmpty() && !channels.isEmpty() && ALL_RIGHTS.find(t)
                    && (rightsSection || subject)) {
                for (Acc a : acc.values()) {
                    a.channels.addAll(channels);
                    a.cite(d.cite(s));
                }
            }
        }
        flushSteps(acc, heading, steps);
        List<RightStatement> out = new ArrayList<>();
        acc.forEach((r, a) -> {
            Set<Condition> conds = new LinkedHashSet<>();
            if (a.conditions.contains(Condition.MANUAL_REVIEW)) {
                conds.add(Condition.MANUAL_REVIEW);
            }
            boolean effective = a.path != null || a.channels.contains("SETTINGS") || a.channels.contains("ONLINE_FORM");
            if (!effective) {
                if (a.conditions.contains(Condition.RE_REGISTRATION)) {
                    conds.add(Condition.RE_REGISTRATION);
                }
                if (a.channels.equals(Set.of("OFFLINE"))) {
                    conds.add(Condition.OFFLINE_VISIT);
                }
                if (!a.channels.isEmpty() && Set.of("CONTACT", "CUSTOMER_SERVICE").containsAll(a.channels)) {
                    conds.add(Condition.CONTACT_STAFF);
                }
            }
            List<String> ch = new ArrayList<>();
            for (String c : CHANNELS) {
                if (a.channels.contains(c)) {
                    ch.add(c);
                }
            }
            List<Citation> cites = new ArrayList<>(a.cites);
            cites.sort((x, y) -> Integer.compare(x.start(), y.start()));
            out.add(new RightStatement(r, a.path, List.copyOf(ch), List.copyOf(conds), List.copyOf(cites)));
        });
        return out;
    }

    private static boolean sectionChanged(String headingSection, String now) {
        return !now.startsWith(headingSection);
    }

    private static void flushSteps(Map<Right, Acc> acc, Set<Right> heading, List<InAppPath.Found> steps) {
        if (!steps.isEmpty()) {
            String p = String.join("＞", steps.stream().map(InAppPath.Found::path).distinct().toList());
            for (Right r : heading) {
                Acc a = acc.get(r);
                if (a.path == null || a.path.length() < p.length()) {
                    a.path = p;
                }
                a.channels.add("SETTINGS");
            }
        }
        steps.clear();
    }

    static Set<Right> rightsIn(String t, boolean rightsContext) {
        Set<Right> out = EnumSet.noneOf(Right.class);
        String cleaned = L.rx("NOT_RIGHT").replaceAll(t, "＿");
        for (Right r : RIGHTS) {
            if (L.find(r.name(), cleaned)) {
                if (r == Right.ACCESS && !rightsContext && !OWN_PI.find(cleaned)) {
                    continue;
                }
                out.add(r);
            }
        }
        return out;
    }

    static Set<String> channels(String t, InAppPath.Found path) {
        Set<String> ch = new LinkedHashSet<>();
        if (path != null && !ContactExtractor.L.find("FEEDBACK", path.path()) || L.find("CH_SETTINGS", t)) {
            ch.add("SETTINGS");
        }
        if (L.find("CH_CONTACT", t)) {
            ch.add("CONTACT");
        }
        if (L.find("CH_CUSTOMER_SERVICE", t)) {
            ch.add("CUSTOMER_SERVICE");
        }
        if (L.find("CH_ONLINE_FORM", t)) {
            ch.add("ONLINE_FORM");
        }
        if (L.find("CH_OFFLINE", t)) {
            ch.add("OFFLINE");
        }
        return ch;
    }
}
