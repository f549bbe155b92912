package dev.policygate.extract;

import dev.policygate.facts.ResponseDeadline;
import dev.policygate.facts.ResponseDeadline.DayKind;
import dev.policygate.facts.ResponseDeadline.Subject;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time limits for answering: a period (15天, 十五个工作日, 三十日, 一个月 = 30 calendar days, 两周 = 14) followed by
 * 内/之内/以内 or preceded by 不超过, in a sentence with a response verb (答复/回复/响应/处理 …) that is not about keeping
 * data or incidents. {@code WORKING} only for 工作日. The subject is COMPLAINT for 投诉/举报 without a request,
 * RIGHTS_REQUEST for 请求/申请/权利/注销 … (or any period in a rights section), else GENERAL.
 * One fact per (days, kind, subject), citing each sentence.
 */
public final class DeadlineExtractor implements AreaExtractor {
    private static final Pattern SMALL_CN_NUMBER = Pattern.compile("[一二两三四五六]");
    static final LexiconFile L = LexiconFile.load("lexicon/complaints.tsv");
    private static final Rx PERIOD = Rx.of(
            "(?<![0-9年月])(" + ChineseNumbers.NUMBER + ")\\s{0,2}(个)?\\s{0,2}(工作日|自然日|日历日|天|日|周|星期|月|小时)"
                    + "(?=\\s{0,2}(?:内|之内|以内|期限内|时间内|的期限|为限|或(?:法律|法规|法律法规|监管)[^。；，,]{0,10}(?:规定|要求)的(?:期限|时限)(?:内|之内|以内)))"
                    + "|(?:不超过|不超出|最长|最迟|最多)\\s{0,2}(" + ChineseNumbers.NUMBER + ")\\s{0,2}(个)?\\s{0,2}(工作日|自然日|日历日|天|日|周|星期|月)");

    private static final Rx REPLY = Rx.of("答复|回复|响应|回应|反馈");
    private static final Rx BRACKETED = Rx.of("【\\s*([0-9]{1,3})\\s*】");
    private static final Rx QUICK = Rx.of("[0-9]】\\s{0,2}个?\\s{0,2}(?:工作日|天|日)|[0-9一二两三四五六七八九十]\\s{0,2}个?\\s{0,2}小时|[0-9０-９一二两三四五六七八九十][个]?\\s{0,2}(?:工作日|自然日|日历日|天|日|周|星期|月)|[（(][0-9]");
    private static final Rx DOUBLE_NUMBER = Rx.of(
            "([零〇一二两三四五六七八九十百]{1,4}|[0-9]{1,3})\\s{0,2}[（(]\\s{0,2}(?:[0-9]{1,3}|[零〇一二两三四五六七八九十百]{1,4})\\s{0,2}[）)]");

    @Override
    public List<ResponseDeadline> extract(Document d) {
        ClauseText.Grouped<List<Object>> g = new ClauseText.Grouped<>();
        String prev = "";
        for (Sentence s : d.sentences()) {
            String t = s.text();
            String context = prev + t;
            prev = t;
            if (!QUICK.find(t)) {
                continue;
            }
            if (!L.find("RESPOND", t) || L.find("NOT_DEADLINE", t)) {
                continue;
            }
            // 十五（15）个工作日 → 十五个工作日 (the sentence is cited, so the copy needs no offsets)
            Matcher m = PERIOD.matcher(DOUBLE_NUMBER.matcher(BRACKETED.matcher(t).replaceAll("$1")).replaceAll("$1"));
            while (m.find()) {
                int gi = m.group(1) != null ? 1 : 4;
                String unit = m.group(gi + 2);
                if ("月".equals(unit) && m.group(gi + 1) == null && !SMALL_CN_NUMBER.matcher(m.group(gi)).matches()) {
                    continue;
                }
                int n = ChineseNumbers.parse(m.group(gi));
                if (n <= 0 || n > 400) {
                    continue;
                }
                int days;
                DayKind kind = DayKind.CALENDAR;
                switch (unit) {
                    case "工作日" -> {
                        days = n;
                        kind = DayKind.WORKING;
                    }
                    case "周", "星期" -> days = 7 * n;
                    case "小时" -> days = (n + 23) / 24;
                    case "月" -> days = 30 * n;
                    default -> days = n;
                }
                Subject subj;
                boolean complaint = L.find("SUBJ_COMPLAINT", t);
                boolean rights = L.find("SUBJ_RIGHTS", t) || RightsExtractor.L.find("RIGHTS_HEADING", s.section());
                if (("小时".equals(unit) || BRACKETED.find(t)) && !REPLY.find(t)) {
                    // hours and 【N】 are the wording of shops and reviews too ("24小时内完成审核", "【3】个工作日内完成退款"):
                    // only a reply to the user makes them a deadline of ours
                    continue;
                }
                if (!complaint && !rights) {
                    complaint = L.find("SUBJ_COMPLAINT", context);
                    rights = L.find("SUBJ_RIGHTS", context);
                }
                subj = complaint && !L.find("SUBJ_RIGHTS", t) && !(rights && !L.find("SUBJ_COMPLAINT", t)) ? Subject.COMPLAINT
                        : rights ? Subject.RIGHTS_REQUEST : Subject.GENERAL;
                g.add(List.of(days, kind, subj), d.cite(s));
            }
        }
        return g.build((k, c) -> new ResponseDeadline((Integer) k.get(0), (DayKind) k.get(1), (Subject) k.get(2), c));
    }
}
