package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.PolicyDate;
import dev.policygate.facts.PolicyDate.Kind;
import dev.policygate.facts.PolicyDate.Precision;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates the policy states about itself: a label (更新/生效/发布/修订/实施 日期) followed by a date
 * ({@code 2021年6月11日}, {@code 2022-04-11}, {@code 2022.04.11}, {@code 【2022-08-30】}, {@code 2021年6月}), a date
 * followed by a label when the sentence is about this policy (本政策于2021年6月11日更新), and event wording
 * (本政策自您点击同意之时生效). A date followed by 发布的 (2019年发布的认定方法) is another document's date.
 * One fact per (kind, date) with all its citations; citations are the tight label…date span.
 */
public final class DatesExtractor implements AreaExtractor {
    private static final Pattern TAKES_EFFECT_TAIL = Pattern.compile("(?:起)?[^。；]{0,4}?(?:即时生效|开始生效|即生效|生效)$");
    /** 2021年6月11日, 2022-04-11, and a template's filled-in 【2020】年【12】月【14】日. */
    static final String DATE = "(?<![0-9])【?([12][09][0-9]{2})】?\\s{0,2}(?:年\\s{0,2}【?([01]?[0-9])】?\\s{0,2}月"
            + "(?:\\s{0,2}【?([0-3]?[0-9])】?\\s{0,2}[日号])?"
            + "|[-./／]([01]?[0-9])(?:[-./／]([0-3]?[0-9]))?(?![0-9]))|(?<![0-9])([12][09][0-9]{2})\\s{0,2}年(?![0-9\\s]{0,3}月)";
    private static final String LABEL = "((?:最近|最新|最后|本次|本版|版本)?(?:更新|生效|发布|修订|修改|实施|颁布|公布|施行)(?:/(?:更新|生效|发布|修订))?)";
    private static final Rx LABEL_THEN_DATE = Rx.of(
            LABEL + "(?:日期|时间|日|于|版本)?(?:为|是)?[^0-9。；\\n]{0,6}?(?:" + DATE + ")");
    private static final Rx DATE_THEN_LABEL = Rx.of(
            "(?:" + DATE + ")[^0-9。；，,\\n]{0,4}?(?:起|开始|正式)?" + LABEL + "(?!的|之|了)");
    private static final Rx SUBJECT = Rx.of("本(?:隐私)?(?:政策|指引|声明|规则|协议|条款|版本)|隐私(?:权)?政策|保护指引|本版");
    /** A date labelled as of something else ("更新的内容于…") is not the policy's, unless the line is short. */
    private static final Rx OF = Rx.of("的");
    private static final Rx TAKES_EFFECT = Rx.of("自[^。；]{0,80}生效");
    /** The terms of service's dates (本协议, 本条款), not the policy's. */
    private static final Rx OTHER_DOCUMENT = Rx.of("本条款|本协议");
    private static final Rx EFFECTIVE_WORD = Rx.of("生效|实施|施行");
    private static final Rx UPDATED_WORD = Rx.of("更新|修订|修改");
    private static final Rx PUBLISHED_WORD = Rx.of("发布|颁布|公布");
    private static final LexiconFile NOTICE = LexiconFile.load("lexicon/notice.tsv");

    @Override
    public List<PolicyDate> extract(Document d) {
        ClauseText.Grouped<List<Object>> g = new ClauseText.Grouped<>();
        String text = d.normalizedText();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            boolean digit = false;
            for (int i = 0; i < t.length() && !digit; i++) {
                digit = t.charAt(i) >= '0' && t.charAt(i) <= '9';
            }
            if (!digit) {
                if (TAKES_EFFECT.find(t)) {
                    addEvent(g, d, s, t);
                }
                continue;
            }
            boolean lineShort = t.length() <= 40;
            Matcher m = LABEL_THEN_DATE.matcher(t);
            boolean labelled = false;
            while (m.find()) {
                int labelEnd = m.end(1);
                String between = t.substring(labelEnd, Math.max(labelEnd, m.start(2) >= 0 ? m.start(2) : m.start(7)));
                if (OF.find(between) && !lineShort) {
                    continue;
                }
                labelled |= add(g, d, s, m.group(1), m, 2, m.start(), m.end());
            }
            if (!labelled && (lineShort || SUBJECT.find(t))) {
                Matcher r = DATE_THEN_LABEL.matcher(t);
                while (r.find()) {
                    add(g, d, s, r.group(7), r, 1, r.start(), r.end());
                }
            }
            if (TAKES_EFFECT.find(t)) {
                addEvent(g, d, s, t);
            }
        }
        return build(g);
    }

    private static void addEvent(ClauseText.Grouped<List<Object>> g, Document d, Sentence s, String t) {
        {
            Matcher e = NOTICE.rx("EVENT").matcher(t);
            if (e.find() && (SUBJECT.find(t) || t.strip().startsWith("自"))
                    && !OTHER_DOCUMENT.find(t)) {
                int evStart = e.start();
                String ev = TAKES_EFFECT_TAIL.matcher(t.substring(evStart, e.end())).replaceAll("");
                g.add(List.of(Kind.EFFECTIVE_ON_EVENT, ev), d.cite(s.start() + evStart, s.start() + e.end()));
            }
        }
    }

    private static List<PolicyDate> build(ClauseText.Grouped<List<Object>> g) {
        List<PolicyDate> out = new ArrayList<>();
        g.map().forEach((k, cites) -> {
            Kind kind = (Kind) k.get(0);
            if (kind == Kind.EFFECTIVE_ON_EVENT) {
                out.add(new PolicyDate(kind, null, Precision.EVENT, (String) k.get(1), List.copyOf(cites)));
            } else {
                String date = (String) k.get(1);
                Precision p = date.length() == 10 ? Precision.DAY : date.length() == 7 ? Precision.MONTH : Precision.YEAR;
                out.add(new PolicyDate(kind, date, p, null, List.copyOf(cites)));
            }
        });
        return out;
    }

    /** Adds the date of groups base..base+6 (y, m, d, m2, d2, yearOnly) under the kinds named by the label. */
    private static boolean add(ClauseText.Grouped<List<Object>> g, Document d, Sentence s, String label, Matcher m,
                               int base, int start, int end) {
        String y = m.group(base) != null ? m.group(base) : m.group(base + 5);
        String mo = m.group(base + 1) != null ? m.group(base + 1) : m.group(base + 3);
        String da = m.group(base + 2) != null ? m.group(base + 2) : m.group(base + 4);
        if (y == null) {
            return false;
        }
        String iso = y;
        if (mo != null) {
            int mm = Integer.parseInt(mo);
            if (mm < 1 || mm > 12) {
                return false;
            }
            iso += String.format("-%02d", mm);
            if (da != null) {
                int dd = Integer.parseInt(da);
                if (dd < 1 || dd > 31) {
                    return false;
                }
                iso += String.format("-%02d", dd);
            }
        }
        Citation c = d.cite(s.start() + start, s.start() + end);
        boolean any = false;
        for (Kind k : kinds(label)) {
            g.add(List.of(k, iso), c);
            any = true;
        }
        return any;
    }

    private static List<Kind> kinds(String label) {
        List<Kind> ks = new ArrayList<>();
        if (EFFECTIVE_WORD.find(label)) {
            ks.add(Kind.EFFECTIVE);
        }
        if (UPDATED_WORD.find(label)) {
            ks.add(Kind.UPDATED);
        }
        if (PUBLISHED_WORD.find(label)) {
            ks.add(Kind.PUBLISHED);
        }
        return ks;
    }
}
