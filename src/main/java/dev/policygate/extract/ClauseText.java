package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clause- and sentence-level helpers shared by the extractors: sentence text and heading lines, per-document memos
 * of contacts and in-app paths, citation grouping, and the purpose / function / exception-item readings of a clause.
 */
final class ClauseText {
    private static final Pattern LEAD_OURS = Pattern.compile("^(我们的?|本)");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"]");
    private static final Pattern PLAIN_VERB = Pattern.compile("使用|进入|访问|通过|进行|开启|参与|参加");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[，,、：:]+$");
    private static final Pattern LEAD_NUMBERING = Pattern.compile("^[（(]?[一二三四五六七八九十0-9]+[）)、.．]?\\s*");
    private ClauseText() {
    }

    /** Items of the statutory "no consent needed" exception list (与国家安全…直接相关的). */
    private static final Rx EXCEPTION = Rx.of(
            "直接相关|国家安全|国防安全|公共安全|公共卫生|刑事侦查|犯罪侦查|起诉、审判|判决执行|无需(事先)?征得|无需征求|无需(您的)?(授权)?同意"
                    + "|不需要征得|自行向社会公众公开|合法公开披露的信息|合法的新闻报道|法律法规规定的其他情形|重大合法权益|签订和履行合同所必需"
                    + "|履行法定义务|应对突发公共卫生事件|维护所提供的产品或服务的安全稳定运行所必需|学术研究");

    private static final Rx DEFINITION = Rx.of("是指|指的是|系指|指以电子|定义为|本政策中的|术语|释义");
    private static final Rx DEFINITION_SECTION = Rx.of("定义|释义|名词解释|术语|附录|附件");

    static boolean isExceptionItem(String t) {
        return EXCEPTION.find(t);
    }

    static boolean isDefinition(String t) {
        return DEFINITION.find(t);
    }

    static boolean inDefinitionSection(String sectionPath) {
        return sectionPath != null && DEFINITION_SECTION.find(sectionPath);
    }

    private static final Rx PURPOSE = Rx.of(
            "(?:是为了|为了|以便于|以便|用于|用以|旨在|目的是|目的在于|从而|[，,]以(?![下上及外内后前免此便])|以(?=查询|办理|提供|完成|实现|便|确保|保障|验证|核验|识别|帮助|向您|申请|进行|满足|保护|防止|改善|优化|提升|处理|联系|展示|推荐|判断|确认|接收|发送|通知)|为(?=实现|完成|帮助|保障|保护|确保|提供|满足|向您|使|了解|防止|优化|改善|提升|验证|核验|识别|便于|使用|方便))"
                    + "([^。；;！？!?\n]{2,60})");

    /** The first purpose clause (为了…, 以便…, 用于…) at or after {@code from}, trimmed; null if none. */
    static String purpose(String t, int from) {
        Matcher m = PURPOSE.matcher(t);
        if (from > 0 && from < t.length()) {
            m.region(from, t.length());
        }
        while (m.find()) {
            String p = trimClause(m.group(1));
            if (p.length() >= 2) {
                return p;
            }
        }
        return null;
    }

    static String purpose(String t) {
        return purpose(t, 0);
    }

    /** Start of the first purpose marker at or after {@code from}, or -1. */
    static int purposeStart(String t, int from) {
        Matcher m = PURPOSE.matcher(t);
        m.region(Math.max(0, Math.min(from, t.length())), t.length());
        return m.find() ? m.start() : -1;
    }

    private static final Rx FUNCTION = Rx.of(
            "(?:当|在|如果|如|若)?(?:您|你)(?:在|需要|首次|选择|同意|可以|可)?(使用|接收|接受|拨打|注册|登录|开通|参与|进行|申请|办理|访问|进入|通过|绑定|发布|上传|完成|购买|下单|支付|提交|联系|浏览|查看|添加|分享|观看|领取|咨询|参加|评论|设置|开启|授权)"
                    + "([^，,。；;：:]{1,30}?)(?:(?:功能|服务|业务)(?:时|后|过程中|期间)|时|后|过程中|期间|功能(?=[，,]))");

    private static final Rx FUNCTION_GOAL = Rx.of("(?:为(?:了)?|帮助您)(完成|成为|进行)([^，,。；]{1,15}?)(?:[，,]|时|$)");

    /** The business function named in the sentence (当您使用…功能时), or null. */
    static String function(String t) {
        Matcher m = t.indexOf('您') >= 0 || t.indexOf('你') >= 0 ? FUNCTION.matcher(t) : null;
        if (m != null && m.find()) {
            String verb = m.group(1);
            String f = QUOTE_MARKS.matcher(LEAD_OURS.matcher(m.group(2)).replaceAll("")).replaceAll("").strip();
            if (f.startsWith("的")) {
                f = f.substring(1);
            }
            if (f.endsWith("的")) {
                f = f.substring(0, f.length() - 1);
            }
            if (!PLAIN_VERB.matcher(verb).matches()) {
                f = verb + f;
            }
            if (!f.isEmpty() && f.length() <= 30) {
                return f;
            }
        }
        Matcher k = FUNCTION_GOAL.matcher(t);
        if (k.find()) {
            return k.group(1) + k.group(2);
        }
        return null;
    }

    private static final Rx FUNCTION_KEYWORD = Rx.of(
            "(注册|登录|实名认证|实人认证|身份认证|身份验证|人脸识别|刷脸|支付|付款|充值|客服|反馈|投诉|搜索|分享|定位|导航|地图|推送|消息|评论|发布|上传|直播|视频|语音|聊天|扫一扫|扫码|下单|购物|订单|物流|配送|收货|会员|签到|抽奖|活动|预约|缴费|查询|办理|申报|签名|头像|通讯录|好友|安全|风控|广告|推荐)");

    /** A function keyword in the text (heading fallback), or null. */
    static String functionKeyword(String t) {
        Matcher m = FUNCTION_KEYWORD.matcher(t);
        return m.find() ? m.group(1) : null;
    }

    private static final String CLAUSE_ENDS = "，,；;。！!？?";

    /** The clause of {@code t} holding {@code [start, end)}: from the separator before it to the one after it. */
    static String clauseAround(String t, int start, int end) {
        int from = start;
        while (from > 0 && CLAUSE_ENDS.indexOf(t.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < t.length() && CLAUSE_ENDS.indexOf(t.charAt(to)) < 0) {
            to++;
        }
        return t.substring(from, to);
    }

    static String trimClause(String s) {
        String p = s.strip();
        int cut = p.length();
        for (String stop : new String[] {"，我们", ",我们", "，您", ",您", "，需要", ",需要", "，请", ",请", "，如", ",如", "，若", ",若", "，但", ",但", "，并", ",并", "，除", ",除", "您需要", "需要您", "我们会", "我们将", "，收集", ",收集", "，获取", ",获取", "，申请", ",申请", "，可能", ",可能"}) {
            int i = p.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        p = p.substring(0, cut);
        return TRAILING_SEPARATORS.matcher(p).replaceAll("").strip();
    }

    /** The heading text of the innermost section in a path, without its numbering. */
    static String lastHeading(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        int i = path.lastIndexOf(" > ");
        String h = i < 0 ? path : path.substring(i + 3);
        return LEAD_NUMBERING.matcher(h).replaceFirst("").strip();
    }

    static List<Citation> cites(Document d, List<Sentence> ss, int max) {
        List<Citation> out = new ArrayList<>();
        for (Sentence s : ss) {
            Citation c = d.cite(s);
            if (!out.contains(c)) {
                out.add(c);
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }

    /** A line of the normalised text. */
    record Line(int start, int end, String text) {
    }

    static List<Line> lines(Document d) {
        String t = d.normalizedText();
        List<Line> out = new ArrayList<>();
        int s = 0;
        while (s <= t.length()) {
            int e = t.indexOf('\n', s);
            if (e < 0) {
                e = t.length();
            }
            if (e > s) {
                out.add(new Line(s, e, t.substring(s, e)));
            }
            s = e + 1;
        }
        return out;
    }

    /** A numbered line that reads as a heading: 一、 / （一） / 1. / 1、 / (1) and no sentence end. */
    static final Rx NUMBERED_HEADING = Rx.of(
            "^\\s*(?:第[一二三四五六七八九十]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}(?:\\.[0-9]{1,2})*[、.．]?(?![0-9]))\\s*\\S.*$");

    /** Words that make a sentence about the policy document itself. */
    static final Rx POLICY_WORD = Rx.of(
            "本(?:隐私|个人信息保护|个人信息处理)?(?:政策|指引|声明|规则|条款|协议)|隐私(?:权)?(?:政策|保护政策|保护指引|声明|条款)|个人信息(?:保护|处理)(?:政策|规则|指引)|本《");

    /** Per-document memo of the contacts and in-app paths of each sentence (several areas read them). */
    private static final class Memo {
        final Document doc;
        final IdentityHashMap<Sentence, Integer> index = new IdentityHashMap<>();
        final Object[] contacts;
        final Object[] paths;

        Memo(Document d) {
            doc = d;
            int n = d.sentences().size();
            for (int i = 0; i < n; i++) {
                index.put(d.sentences().get(i), i);
            }
            contacts = new Object[n];
            paths = new Object[n];
        }
    }

    private static final ThreadLocal<Memo> MEMO = new ThreadLocal<>();
    private static final Object NONE = new Object();

    private static Memo memo(Document d) {
        Memo m = MEMO.get();
        if (m == null || m.doc != d) {
            m = new Memo(d);
            MEMO.set(m);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<ContactExtractor.Found> contacts(Document d, Sentence s) {
        Memo m = memo(d);
        Integer i = m.index.get(s);
        if (i == null) {
            return ContactExtractor.find(s.text());
        }
        if (m.contacts[i] == null) {
            String previous = i == 0 ? null : d.sentences().get(i - 1).text();
            m.contacts[i] = ContactExtractor.findAfter(previous, s.text());
        }
        return (List<ContactExtractor.Found>) m.contacts[i];
    }

    static InAppPath.Found path(Document d, Sentence s) {
        Memo m = memo(d);
        Integer i = m.index.get(s);
        if (i == null) {
            return InAppPath.any(s.text());
        }
        if (m.paths[i] == null) {
            InAppPath.Found f = InAppPath.any(s.text());
            m.paths[i] = f == null ? NONE : f;
        }
        return m.paths[i] == NONE ? null : (InAppPath.Found) m.paths[i];
    }

    /** Whether the sentence is a short heading-like line (its own line, numbered or short, no sentence end). */
    static boolean isHeadingLine(Document d, Sentence s) {
        String t = s.text().strip();
        if (t.isEmpty() || t.length() > 32) {
            return false;
        }
        String text = d.normalizedText();
        boolean lineStart = s.start() == 0 || text.charAt(s.start() - 1) == '\n';
        boolean lineEnd = s.end() >= text.length() || text.charAt(s.end()) == '\n';
        if (!lineStart || !lineEnd) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
        if (colon >= 0 && colon < t.length() - 1 || t.contains("@")) {
            return false;
        }
        if ("。；;，,！!".indexOf(last) >= 0) {
            return false;
        }
        return NUMBERED_HEADING.matcher(t).matches() || t.length() <= 16;
    }

    /** Accumulates citations per key in first-seen order, without duplicates. */
    static final class Grouped<K> {
        private final Map<K, List<Citation>> map = new LinkedHashMap<>();
        /** what each list holds, so that adding stays constant-time however many citations a key gets */
        private final Map<K, java.util.Set<Citation>> seen = new java.util.HashMap<>();

        void add(K key, Citation c) {
            if (seen.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(c)) {
                map.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }

        boolean contains(K key) {
            return map.containsKey(key);
        }

        <F> List<F> build(BiFunction<K, List<Citation>, F> f) {
            List<F> out = new ArrayList<>();
            map.forEach((k, v) -> out.add(f.apply(k, List.copyOf(v))));
            return out;
        }

        Map<K, List<Citation>> map() {
            return map;
        }
    }

    static <T> List<T> distinct(List<T> in, Function<T, Object> key) {
        Map<Object, T> m = new LinkedHashMap<>();
        for (T t : in) {
            m.putIfAbsent(key.apply(t), t);
        }
        return new ArrayList<>(m.values());
    }
}
