package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.PiType;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collection statements ({@link DataCollection}): a sentence that says PI is collected/provided, with its
 * business function, purpose, PI types (through {@link PiTaxonomy}), method and optionality. Also reads
 * collection tables rendered as lines (场景 / 目的 / 方式 / 字段). Skips the statutory exception list,
 * definitions, sharing statements and SDK descriptions.
 */
public final class CollectionExtractor implements AreaExtractor {
    /** How the data arrive, read from the method words: typed in or given by the user, or from a third party. */
    private static final Rx ENTERED = Rx.of("输入|填写");
    private static final Rx GIVEN = Rx.of("提供");
    private static final Rx FROM_THIRD = Rx.of("第三方");
    private static final Pattern LIST_PUNCTUATION = Pattern.compile("[、，,（）()/\\s]");
    private static final Pattern LEAD_PURPOSE_WORD = Pattern.compile("^(用于|为了|以便|目的[:：]?)");

    private static final Rx VERB = Rx.withAnchors(
            "收集|获取|采集|填写|上传|输入|提交|读取|留存|调用|需要您|(?:您|你|用户)[^，。；]{0,8}提供|提供给我们|向我们提供|(?:会|将|可能|自动|并|我们)记录"
                    // an enumeration without a collection verb: 我们处理的个人信息包括：…
                    + "|(?:处理|使用)的(?:您的)?(?:个人|用户)?(?:信息|数据)(?:主要)?(?:包括|包含|有|如下)",
            "收集", "获取", "采集", "填写", "上传", "输入", "提交", "读取", "留存", "调用", "需要您", "提供", "记录", "处理", "使用");
    private static final Rx NEGATED = Rx.of(
            "不会(主动)?(收集|获取|记录|存储|采集)|不收集|未收集|无需提供|不需要(您)?(注册|提供)|无需您提供|不会.{0,6}(收集|读取)|不会将|监护人|不留存|不会留存|不保存|不会保存|不存储|不会存储|不应当|不要|切勿|请勿|随时关闭|可以关闭|停止对您的");
    private static final Rx SKIP_SECTION = Rx.of(
            "共享|转让|公开披露|对外提供|委托处理|您的权利|管理您的|如何保护|安全措施|存储|保存|跨境|出境|未成年|儿童|如何更新|联系我们|Cookie|cookie|同类技术|政策更新|SDK");
    private static final Rx SKIP_SENTENCE = Rx.of(
            "SDK|转让|披露|委托|第三方.{0,10}(收集|获取)|注销|更正|查阅|删除您的|应急预案|安全事件|泄露");
    private static final Rx SHARING_WORD = Rx.of("共享|提供给|传输给|分享给|发送给");
    private static final Rx STRONG_VERB = Rx.of("收集|获取|采集");
    private static final Rx USER = Rx.of(
            "您(?:需要|需|可能需要|应|可以|可|还需|还需要|须|必须)?(?:向我们)?(?:提供|填写|上传|输入|提交)|需要您(?:提供|填写|上传|输入|提交)|您(?:主动)?提供的|用户输入|用户填写|手动填写|您填写|您上传|您输入|您提交");
    private static final Rx THIRD = Rx.of(
            "从第三方|第三方(?:向我们)?提供|(?:关联方|关联公司|合作方|合作伙伴|合作单位|行政机关|政府机构|业务系统|第三方)(?:处)?(?:获取|获得|接收|取得|向我们提供)|间接(?:获取|获得|收集)|从.{1,20}(?:获取|获得|接收)您的");
    private static final Rx OPTIONAL = Rx.of(
            "可以选择是否|可选择是否|选择是否(?:提供|使用|参与|开启)|可自行选择|自主选择|非必要|非必需|可选|拒绝.{0,30}不(?:会)?影响|不影响您(?:正常)?使用(?:其他|基本|我们提供的其他|.{0,10}基本)|附加功能|可以不提供|可不提供|根据(?:自身|个人|您的)?需[要求](?:自行|自主)?选择");
    private static final Rx REQUIRED = Rx.of(
            "必须|必需|必要的?(?:个人)?信息|基本功能|无法(?:正常)?(?:使用|完成|注册|登录|成为)|必要信息");
    private static final Rx OPEN = Rx.of(
            "等(?![级待同于])|例如|比如|包括但不限于|诸如|之类|[（(]如|如[：:]|以及其他|及其他|或其他|其他.{0,6}(?:信息|数据|标识符)");
    private static final Rx GENERIC = Rx.of(
            "向您|为您|提供|优化|改善|改进|提升|完善|更好地|更好的|更优质的?|持续|我们的|我们|产品|服务|功能|体验|质量|使用体验|用户体验|和|及|或|与|/|、|，|,|的|您|正常|运行|保障");
    private static final Rx FOLLOW_UP = Rx.of("^(?:如果|如|若|倘若)?您?(?:不|拒绝|未)[^，。]{0,4}(?:提供|授权|同意|允许)|^拒绝提供|^这类信息|^此类信息|^上述信息");
    private static final Rx REFUSAL = Rx.of("^.{0,8}(?:拒绝|不提供|不同意|关闭).{0,30}(?:无法|不能|将会?影响|不影响)");
    private static final Rx TABLE_METHOD = Rx.of("^(用户输入|用户提供|用户填写|手动填写|APP收集|自动收集|系统收集|自动获取|第三方提供|主动提供|被动收集)$");
    private static final Rx TABLE_PURPOSE = Rx.of("^(用于|为了|以便|目的)");

    private static final Rx GENERIC_HEADING = Rx.of("如何|我们收集|收集和使用|收集的信息|信息范围|本政策|隐私|个人信息$");
    @Override
    public List<DataCollection> extract(Document d) {
        List<DataCollection> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Sentence> ss = d.sentences();
        String headingCandidate = null;
        java.util.Map<String, Boolean> skipSection = new java.util.HashMap<>();
        for (int i = 0; i < ss.size(); i++) {
            Sentence s = ss.get(i);
            String t = s.text();
            if (isHeadingLike(t)) {
                headingCandidate = ClauseText.lastHeading(t.strip());
            }
            if (skipSection.computeIfAbsent(s.section(), SKIP_SECTION::find) || ClauseText.isExceptionItem(t) || sharingOnly(t)
                    || ClauseText.isDefinition(t) || vetoed(t)
                    || FOLLOW_UP.find(t.strip()) || REFUSAL.find(t)) {
                continue;
            }
            DataCollection dc = tableRow(d, ss, i, t);
            if (dc == null) {
                dc = statement(d, ss, i, t, headingCandidate);
            }
            if (dc != null && seen.add(dc.function() + "|" + dc.purpose() + "|" + dc.piTypes() + "|" + dc.method())) {
                out.add(dc);
            }
        }
        return out;
    }

    private static final Rx BULLET_LABEL = Rx.of("^[•·●▪\\-\\s]*(?:[（(]?[0-9a-zA-Z一二三四五六七八九十]{1,3}[)）.、．,]\\s*,?)?([^:：，,。；;（(“”\"]{2,12})[:：]");
    private static final Rx NOT_FUNCTION_LABEL = Rx.of("例如|比如|注意|说明|提示|特别|其中|包括|如下|以下|目的|方式|范围|类型");

    /** "•婚姻服务:…需要您提供…" → 婚姻服务: a short label before a colon that is not itself a PI type. */
    private static String bulletLabel(String t) {
        Matcher m = BULLET_LABEL.matcher(t);
        if (!m.lookingAt()) {
            return null;
        }
        String label = m.group(1).strip();
        if (label.isEmpty() || NOT_FUNCTION_LABEL.find(label) || !PiTaxonomy.typesIn(label).isEmpty()
                || VERB.find(label)) {
            return null;
        }
        return label;
    }

    /** A statement about giving PI to others, unless it first says the PI is collected (获取…提供给…). */
    private static boolean sharingOnly(String t) {
        Matcher sh = SHARING_WORD.matcher(t);
        if (!sh.find()) {
            return false;
        }
        Matcher v = STRONG_VERB.matcher(t);
        return !(v.find() && v.start() < sh.start());
    }

    /** How many clauses after a "；" an enumeration may run on for (a longer run is a list of its own). */
    private static final int MAX_CONTINUED = 8;

    private static boolean endsClause(String t) {
        String x = t.strip();
        return x.endsWith("；") || x.endsWith(";");
    }

    /**
     * "我们处理的个人信息包括：基本资料（姓名、性别）；身份信息（身份证件号码）……": the sentence ends at a "；" and the
     * enumeration runs on in the clauses after it, which name PI types but have no verb of their own. Their types
     * join the collection's (in order, without repeats), and each is cited; the run stops at a clause that is not
     * such an item or after the one that ends the sentence.
     */
    private static List<PiType> continuedEnumeration(Document d, List<Sentence> ss, int i, List<PiType> types,
                                                     List<Citation> cites) {
        List<PiType> all = new ArrayList<>(types);
        for (int j = i + 1; j < ss.size() && j <= i + MAX_CONTINUED; j++) {
            Sentence next = ss.get(j);
            String n = next.text();
            if (!next.section().equals(ss.get(i).section()) || VERB.find(n) || isHeadingLike(n)
                    || ClauseText.isExceptionItem(n)) {
                break;
            }
            List<PiType> more = PiTaxonomy.typesIn(n);
            if (more.isEmpty()) {
                break;
            }
            for (PiType p : more) {
                if (!all.contains(p)) {
                    all.add(p);
                }
            }
            cites.add(d.cite(next));
            if (!endsClause(n)) {
                break;
            }
        }
        return all;
    }

    /**
     * Whether the sentence is about something else than this handler collecting PI (a right, sharing, a third party's
     * SDK, a security incident) or denies collecting: judged in the clause of each collection verb, not the whole
     * sentence, so that "注销账号时，我们需要您提供身份证号码" and "我们会收集您的身份证号码，该信息一旦泄露…" stay
     * collections: a sentence with a veto word is kept when the clause of one of its verbs has none and names a PI
     * type itself (a clean clause that names none, "如需收集会经过您的同意", does not make a collection of the rest).
     */
    static boolean vetoed(String t) {
        if (!SKIP_SENTENCE.find(t) && !NEGATED.find(t)) {
            return false;
        }
        Matcher v = VERB.matcher(t);
        for (int at = 0; VERB.findFrom(v, t, at); at = Math.max(v.end(), v.start() + 1)) {
            String clause = ClauseText.clauseAround(t, v.start(), v.end());
            if (!SKIP_SENTENCE.find(clause) && !NEGATED.find(clause) && !PiTaxonomy.typesIn(clause).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeadingLike(String t) {
        String x = t.strip();
        return x.length() <= 25 && !x.endsWith("。") && !x.endsWith("；") && !x.endsWith(";")
                && !VERB.find(x) && PiTaxonomy.typesIn(x).size() <= 1;
    }

    private DataCollection statement(Document d, List<Sentence> ss, int i, String t, String headingCandidate) {
        Sentence s = ss.get(i);
        String function = bulletLabel(t);
        if (function == null) {
            function = ClauseText.function(t);
        }
        int afterFunction = 0;
        if (function != null) {
            int fi = t.indexOf(function);
            afterFunction = fi < 0 ? 0 : fi + function.length();
        }
        Matcher v = VERB.matcher(t);
        if (!VERB.findFrom(v, t, afterFunction) && !VERB.findFrom(v, t, 0)) {
            return null;
        }
        int objStart = v.start();
        int pStart = ClauseText.purposeStart(t, v.end());
        int objEnd = pStart < 0 ? t.length() : pStart;
        List<PiType> types = PiTaxonomy.typesIn(t, objStart, objEnd);
        if (types.isEmpty()) {
            return null;
        }
        String purpose = ClauseText.purpose(t, afterFunction);
        if (purpose != null && function != null && function.contains(purpose)) {
            purpose = null;
        }
        if (function == null) {
            function = sectionFunction(s.section(), headingCandidate);
        }
        List<Citation> cites = new ArrayList<>();
        cites.add(d.cite(s));
        if (endsClause(t)) {
            types = continuedEnumeration(d, ss, i, types, cites);
        }
        String context = t;
        if (i + 1 < ss.size()) {
            String next = ss.get(i + 1).text();
            if (FOLLOW_UP.find(next.strip())) {
                cites.add(d.cite(ss.get(i + 1)));
                context = t + next;
            }
        }
        DataCollection.Method method = method(t);
        Boolean optional = optional(context);
        boolean open = OPEN.find(t.substring(objStart, objEnd));
        return new DataCollection(function, purpose, types, method, optional, open, isGeneric(purpose), cites);
    }

    /** A line that lists PI fields of a collection table rendered as lines (场景 / 目的 / 方式 / 字段). */
    private DataCollection tableRow(Document d, List<Sentence> ss, int i, String t) {
        String x = t.strip();
        if (VERB.find(x) || x.length() > 200) {
            return null;
        }
        List<TermMatcher.Hit<PiType>> hits = PiTaxonomy.hits(x, 0, x.length());
        if (hits.size() < 2) {
            return null;
        }
        int covered = 0;
        for (TermMatcher.Hit<PiType> h : hits) {
            covered += h.end() - h.start();
        }
        if (covered * 2 < LIST_PUNCTUATION.matcher(x).replaceAll("").length()) {
            return null;
        }
        String method = null;
        String purpose = null;
        String function = null;
        int first = i;
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            String p = ss.get(k).text().strip();
            if (method == null && TABLE_METHOD.find(p)) {
                method = p;
                first = k;
            } else if (purpose == null && TABLE_PURPOSE.find(p) && p.length() <= 80) {
                purpose = LEAD_PURPOSE_WORD.matcher(p).replaceFirst("").strip();
                first = k;
            } else if (function == null && p.length() <= 20 && PiTaxonomy.hits(p, 0, p.length()).size() <= 1
                    && !TABLE_METHOD.find(p) && !TABLE_PURPOSE.find(p)) {
                function = p;
                first = k;
                break;
            } else if (PiTaxonomy.hits(p, 0, p.length()).size() >= 2) {
                break;
            }
        }
        if (method == null) {
            return null;
        }
        DataCollection.Method m = ENTERED.find(method) || GIVEN.find(method) && !FROM_THIRD.find(method)
                ? DataCollection.Method.PROVIDED_BY_USER
                : FROM_THIRD.find(method) ? DataCollection.Method.FROM_THIRD_PARTY
                : DataCollection.Method.COLLECTED_AUTOMATICALLY;
        List<PiType> types = PiTaxonomy.typesIn(x, 0, x.length());
        Sentence a = ss.get(first);
        Sentence b = ss.get(i);
        List<Citation> cites = List.of(d.cite(a.start(), b.end()));
        return new DataCollection(function, purpose, types, m, null, OPEN.find(x), isGeneric(purpose),
                cites);
    }

    private static String sectionFunction(String path, String headingCandidate) {
        String h = ClauseText.lastHeading(path);
        if (!h.isEmpty() && !GENERIC_HEADING.find(h)) {
            return h;
        }
        if (headingCandidate != null && !headingCandidate.isEmpty()
                && ClauseText.functionKeyword(headingCandidate) != null) {
            return headingCandidate;
        }
        return null;
    }

    static DataCollection.Method method(String t) {
        if (THIRD.find(t)) {
            return DataCollection.Method.FROM_THIRD_PARTY;
        }
        if (USER.find(t)) {
            return DataCollection.Method.PROVIDED_BY_USER;
        }
        return DataCollection.Method.COLLECTED_AUTOMATICALLY;
    }

    static Boolean optional(String t) {
        if (OPTIONAL.find(t)) {
            return Boolean.TRUE;
        }
        if (REQUIRED.find(t)) {
            return Boolean.FALSE;
        }
        return null;
    }

    static boolean isGeneric(String purpose) {
        if (purpose == null) {
            return false;
        }
        String rest = GENERIC.matcher(purpose).replaceAll("");
        return rest.strip().isEmpty();
    }
}
