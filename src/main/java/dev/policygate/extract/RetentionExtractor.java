package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Retention;
import dev.policygate.facts.RetentionExpiry;
import dev.policygate.facts.StorageLocation;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retention ({@link Retention}: stated period, explicit criteria, "as long as necessary", "while you use the
 * service"), what happens when it ends ({@link RetentionExpiry}) and where PI is stored
 * ({@link StorageLocation}).
 */
public final class RetentionExtractor implements AreaExtractor {
    private static final int MAX_CITES = 3;

    private static final Rx KEEP = Rx.of("保存|保留|存储|留存|储存|存放");
    private static final Rx PERIOD = Rx.of(
            "(?:不少于|不超过|不低于|至少|最长|最多|最短)?(?:[0-9０-９]+|[一二三四五六七八九十两半百]+)\\s*(?:个)?(?:自然)?(?:年|个月|月|周|天|日)(?!内(?:答复|回复|处理|完成|反馈))(?!工作日)"
                    + "|法律法规?(?:规定|要求)的最短(?:保存)?(?:期限|时间|期间)|(?:法律|行政)法规规定的(?:保存|保留)?期限");
    private static final Rx WORKING_DAYS = Rx.of("工作日|个工作|日内(?:答复|回复|处理|完成|反馈)");
    private static final Rx CRITERIA = Rx.of(
            "(?:判断|确定|决定)[^。；]{0,20}(?:期限|期间|时间|时长)[^。；]{0,12}(?:标准|依据|因素|考虑)|(?:依据|根据|按照)以下(?:标准|因素|原则)|以下(?:标准|因素)|存储期限[^。；]{0,10}(?:依据|根据)|考虑以下因素|(?:期限|期间)[^。；]{0,6}取决于");
    private static final Rx NECESSARY = Rx.of(
            "(?:必需|必要|所需|必须|需要)的?(?:且)?最短(?:的)?(?:保存|存储|保留)?(?:期限|时间|期间|时限)|所必需的(?:期限|期间|时间|时限)|所需的(?:期限|期间|时间)|最短(?:保存|存储|保留)?(?:期限|时间|期间|时限)|所必须的最低(?:期限|时限)|所必[需须要]的?(?:期限|期间|时间|时限)|必要的(?:期限|期间)|必要期限|目的所必需");
    private static final Rx WHILE_USING = Rx.of(
            "(?:使用|享受)[^。；]{0,20}期间[^。；]{0,20}(?:保存|保留|存储)|(?:保存|保留|存储)[^。；]{0,20}(?:存续期间|使用期间)|(?:账号|账户|帐号|帐户)存续期间|持续(?:为您)?保存|至您注销|直至您注销|直到您注销|使用[^。；]{0,10}的期限"
                    // 我们将保存您的个人信息直至：（1）…目的全部实现；（2）您终止使用…
                    + "|(?:保存|保留|存储|留存)[^。；]{0,20}直(?:至|到)");
    private static final Rx EXPIRY_TRIGGER = Rx.of(
            "超出|超过|届满|到期|期满|(?:保存|保留|存储)期限后|注销|终止(?:使用|服务)|不再需要|目的已实现|期限结束");
    /** 当您注销账号后，…；该账号下的内容、信息…将会被删除: the closed account named again, after a clause that closes it. */
    private static final Rx CLOSED_ACCOUNT_AGAIN = Rx.of("该(?:账号|帐号|账户|帐户)下");
    private static final Rx CLOSING = Rx.of("注销");
    private static final Rx CESSATION = Rx.of("停止运营|终止运营|停止提供产品|停止提供服务|停运");
    /** Deletion as a user's right or request, or the case of minors, rather than what happens when a period ends. */
    private static final Rx NOT_EXPIRY = Rx.of("撤回|父母|监护人|儿童|未成年|查阅|更正|复制|可以删除|可删除|被删除或者?账号被注销|行使|删除权|申请"
            // the user's demand to delete (您可以要求删除), not the law's (根据适用法律的要求删除)
            + "|^您可以|您有权|请求删除|(?:您|你|用户)[^。；]{0,6}要求删除");
    private static final Rx RETENTION_PERIOD = Rx.of("保存期限|保留期限");
    /** A period that has not run out (保存期限未届满: a deletion refused) or deletion that cannot be done. */
    private static final Rx NOT_RETENTION_RULE = Rx.of("未届满|技术上难以实现");
    private static final Rx RETENTION_CONTEXT = Rx.of("保存|保留|存储|留存|储存|存放|期限");
    private static final Rx DELETE = Rx.of("删除");
    private static final Rx ANONYMISE = Rx.of("匿名化");
    private static final Rx MAINLAND = Rx.of(
            "中华人民共和国境内|中国境内|中国大陆(?:境内|地区)?|中国内地|我国境内|(?<!在中华人民共和国)境内的?(?:服务器|数据中心)|境内");
    private static final Rx ABROAD_PLACE = Rx.of(
            "境外|海外|新加坡|美国|香港|欧洲|欧盟|日本|韩国|澳门|台湾|加拿大|德国|英国|爱尔兰|荷兰");
    private static final Rx HYPOTHETICAL = Rx.of(
            "如需|如果需要|若需|如需要|需要(?:向|将)[^，。；]{0,20}境外|如果我们需要|如我们需要|如涉及|如果涉及|若涉及|如[^，。；]{0,12}涉及|一旦|如发生|如确需|如有|如果有|如[^，。；]{0,10}可能|如您的|若您的|假如|倘若|的情况下|不会|不涉及|未涉及|暂未|暂不|不存在|没有");

    private static final Rx STORED_IN_CHINA = Rx.of("(?:存储|储存|存放|保存|位于)[^。；]{0,25}(?:境内|中国大陆|中国内地)");
    /** "境内…收集的个人信息存储在境内"; not "境内运营中收集和产生的个人信息存储在境外" (a transfer abroad). */
    private static final Rx CHINA_STORED = Rx.of("(?:境内|中国大陆|中国内地)[^。；]{0,30}(?:存储|储存|存放|保存)(?![在于至](?:境外|海外))");
    private static final Rx STORED_ABROAD = Rx.of(
            "(?:存储|储存|存放|保存)(?:在|于|至)[^。；]{0,15}(?:境外|海外|新加坡|美国|香港|欧洲|欧盟|日本|韩国|澳门|台湾|加拿大|德国|英国|爱尔兰|荷兰)");
    @Override
    public List<Fact> extract(Document d) {
        Map<String, List<Sentence>> retention = new LinkedHashMap<>();
        Map<String, List<Sentence>> expiry = new LinkedHashMap<>();
        Map<String, List<Sentence>> storage = new LinkedHashMap<>();
        String previous = "";
        for (Sentence s : d.sentences()) {
            String t = s.text();
            String before = previous;
            previous = t;
            if (!KEEP.find(t) && !DELETE.find(t) && !ANONYMISE.find(t)) {
                continue;
            }
            if (ClauseText.isExceptionItem(t) && !RETENTION_PERIOD.find(t)) {
                continue;
            }
            boolean keep = keeps(t);
            if (keep) {
                for (String period : periodsIn(t)) {
                    add(retention, Retention.Kind.PERIOD + "|" + period, s);
                }
                if (CRITERIA.find(t)) {
                    add(retention, Retention.Kind.CRITERIA + "|", s);
                }
                if (NECESSARY.find(t)) {
                    add(retention, Retention.Kind.AS_LONG_AS_NECESSARY + "|", s);
                }
                if (WHILE_USING.find(t)) {
                    add(retention, Retention.Kind.WHILE_USING_SERVICE + "|", s);
                }
                Matcher m = MAINLAND.matcher(t);
                if (m.find() && (STORED_IN_CHINA.find(t) || CHINA_STORED.find(t))) {
                    addRegion(storage, StorageLocation.Region.MAINLAND_CHINA, m.group(), s);
                }
                Matcher a = ABROAD_PLACE.matcher(t);
                if (a.find() && !HYPOTHETICAL.find(t)
                        && STORED_ABROAD.find(t)) {
                    addRegion(storage, StorageLocation.Region.ABROAD, a.group(), s);
                }
            }
            boolean closedBefore = CLOSED_ACCOUNT_AGAIN.find(t) && CLOSING.find(before);
            if ((DELETE.find(t) || ANONYMISE.find(t)) && (EXPIRY_TRIGGER.find(t) || closedBefore)
                    && !CESSATION.find(t) && !NOT_EXPIRY.find(t)
                    && !(t.length() < 30 && !t.contains("。"))) {
                if (DELETE.find(t)) {
                    add(expiry, RetentionExpiry.Action.DELETE.name(), s);
                }
                if (ANONYMISE.find(t)) {
                    add(expiry, RetentionExpiry.Action.ANONYMISE.name(), s);
                }
            }
        }
        List<Fact> out = new ArrayList<>();
        for (var e : retention.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            out.add(new Retention(Retention.Kind.valueOf(k[0]), k[1].isEmpty() ? null : k[1], cites(d, e.getValue())));
        }
        for (var e : expiry.entrySet()) {
            out.add(new RetentionExpiry(RetentionExpiry.Action.valueOf(e.getKey()), cites(d, e.getValue())));
        }
        for (var e : storage.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            out.add(new StorageLocation(StorageLocation.Region.valueOf(k[0]), k[1], cites(d, e.getValue())));
        }
        return out;
    }

    /** Whether {@code t} speaks of keeping data (and not of an SDK's keeping). */
    private static boolean keeps(String t) {
        return KEEP.find(t) && !t.contains("SDK");
    }

    /** The first retention period stated in {@code t}, or null. */
    static String periodIn(String t) {
        if (!keeps(t)) {
            return null;
        }
        List<String> periods = periodsIn(t);
        return periods.isEmpty() ? null : periods.get(0);
    }

    /**
     * The retention periods stated in {@code t} (三年, 法律法规规定的最短期限), in text order: none where the days are
     * a response time (15个工作日内答复) rather than a retention period, or where the period has not run out.
     */
    private static List<String> periodsIn(String t) {
        if (WORKING_DAYS.find(t) && !RETENTION_PERIOD.find(t) || NOT_RETENTION_RULE.find(t)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher p = PERIOD.matcher(t);
        while (p.find()) {
            if (retentionContext(t, p.start())) {
                out.add(p.group().strip());
            }
        }
        return out;
    }

    /** A period is about retention when a keeping verb or retention noun is near it. */
    private static boolean retentionContext(String t, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(t.length(), at + 25);
        String w = t.substring(from, to);
        return RETENTION_CONTEXT.find(w);
    }

    private static List<Citation> cites(Document d, List<Sentence> ss) {
        return ClauseText.cites(d, ss, MAX_CITES);
    }

    /** One storage fact per region; the place is the first wording found. */
    private static void addRegion(Map<String, List<Sentence>> m, StorageLocation.Region r, String place, Sentence s) {
        for (String k : m.keySet()) {
            if (k.startsWith(r + "|")) {
                add(m, k, s);
                return;
            }
        }
        add(m, r + "|" + place, s);
    }

    private static void add(Map<String, List<Sentence>> m, String key, Sentence s) {
        List<Sentence> l = m.computeIfAbsent(key, x -> new ArrayList<>());
        if (!l.contains(s)) {
            l.add(s);
        }
    }

    static boolean hypothetical(String t) {
        return HYPOTHETICAL.find(t);
    }
}
