package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Handler;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal name of the handler: an organisation name (ending in a suffix of {@code lexicon/handler.tsv}:
 * …公司, …局, …中心, …办公厅, …委员会 …) that the policy presents as the operator:
 * <ul>
 *   <li>NAME（以下简称“我们”） — also when the parenthesis first gives an address (NAME（地址：…，以下或称“我们”）),</li>
 *   <li>开发者/运营者/单位名称/主办单位：NAME,</li>
 *   <li>由NAME主办/运营/所有/负责运行 (not 由NAME提供, which is how SDK providers are named), and a clause starting
 *       with NAME负责运行,</li>
 *   <li>“我们”…指(由)NAME, 我们是NAME,</li>
 *   <li>a line that is only an organisation name among the last lines (a signature).</li>
 * </ul>
 * One fact per distinct name, citing the tight name span of each statement.
 */
public final class HandlerExtractor implements AreaExtractor {
    private static final Pattern LEAD_PARENTHESIS = Pattern.compile("^[（(][^）)]*[）)]");
    private static final LexiconFile L = LexiconFile.load("lexicon/handler.tsv");
    private static final String NAME_CHARS = "[\\p{IsHan}A-Za-z0-9·&\\-\\.（）()]";
    private static final Pattern SUFFIX_END = Pattern.compile("(?:" + L.get("SUFFIX").pattern() + ")$");
    private static final Rx BEFORE = Rx.of(
            "(?:" + L.get("BEFORE").pattern() + ")\\s{0,2}(?:是|为|系)?\\s{0,2}[：:]?\\s{0,2}(" + NAME_CHARS + "{2,45})");
    private static final Rx BY = Rx.of(
            "(?:由|是|系|为)\\s{0,2}(" + NAME_CHARS + "{2,45}?)\\s{0,2}(?:" + L.get("OPERATES").pattern() + ")");
    private static final Rx CLAUSE_OPERATES = Rx.of(
            "(?:^|[，,；;。])\\s{0,2}(" + NAME_CHARS + "{2,40}?)\\s{0,2}(?:负责运行|负责运营|运行维护|负责维护|负责建设|运营(?=[“\"「《]))");
    private static final Rx POLICY_BY = Rx.of(
            "(?:本(?:隐私)?(?:政策|指引|声明)[^。；]{0,20}|产品(?:和|及)服务)由\\s{0,2}(" + NAME_CHARS + "{2,45}?)\\s{0,2}提供");
    private static final Rx WE_IS = Rx.of(
            "[“\"]我们[”\"][^。；]{0,20}?指(?:由)?\\s{0,2}(" + NAME_CHARS + "{2,45})|我们是\\s{0,2}(" + NAME_CHARS + "{2,45})");
    private static final Pattern WE_AFTER = Pattern.compile("[（(]([^）)]{0,160}?)[）)]");
    private static final Pattern TRAILING_PAREN = Pattern.compile("[（(][^（()）]{2,30}[）)]$");
    private static final Pattern AFTER_NAME = Pattern.compile(
            "(?:" + L.get("OPERATES").pattern() + "|提供|开发|负责|运营|以下|的|所|在|与|和|及|为|是|系|作为|合称)");
    private static final Rx OPERATES_ANY = Rx.of(
            L.get("OPERATES").pattern() + "|负责运行|负责运营|运行维护|负责维护|负责建设|运营");
    private static final Pattern AFFILIATES = Pattern.compile(
            "(?:及/或|和/或|及其|以及|及|和|或|与)(?:其)?(?:旗下)?(?:各|全部|所有)?(?:关联公司|关联方|关联企业|子公司|分公司)$");
    /** A parenthesis that gives the name's address: 北京臻鼎科技有限公司（注册地址：…）及其关联方（简称“我们”）. */
    private static final Pattern ADDRESS = Pattern.compile("^[（(]\\s*(?:注册地址|常用办公地址|办公地址|注册地|住所|地址)");
    /**
     * 大众点评的产品/服务是由NAME…提供, “美团外卖”的产品/服务是NAME及其关联方提供: the operator of the product (not 此服务是由NAME
     * 提供技术支持, a supplier).
     */
    private static final Rx PRODUCT_BY = Rx.of(
            "的产品(?:/服务|和服务|及服务|与/或服务)?(?:是|系)\\s{0,2}由?\\s{0,2}(" + NAME_CHARS + "{4,45}?)"
                    + "(?=[（(]\\s*(?:注册地址|地址|住所)|及其关联|\\s{0,2}提供(?![^，。；]{0,6}技术))");
    /** 韩站是由NAME及其关联公司…提供的: a name with its affiliates or its address is the group that runs it. */
    private static final Rx GROUP_BY = Rx.of(
            "^[^，,。；]{1,12}(?:是|系)由\\s{0,2}(" + NAME_CHARS + "{4,45}?)(?=[（(]\\s*(?:注册地址|地址|住所)|及其关联)");
    private static final Pattern WELCOME = Pattern.compile("欢迎(?:您|你)?(?:使用|选择|访问)");
    private static final Pattern STOP = Pattern.compile(
            ".*(?:开发者|介绍|说明|感谢|提示|运营者|经营者|运营方|提供方|服务提供者|提供者|运营公司|欢迎您?使用|适用于|由|是|为|指|即|系(?!统)|向|被|于|及其|以及|或|通过|与|和(?=[^服交公]))");
    private static final Pattern BAD = Pattern.compile(
            "^(?:本|该|贵|我|其|此|上述|相关|关联|合作|第三方|其他|任何|所有|一切|同一|下属|子)|关联公司|合作|第三方|服务商|供应商|用户|监管|有关部门|主管部门|公安机关|网信|法院|消费者|政府部门|国家机关|金融机构|所属公司|集团公司|母公司|这些|该等|相应|银行卡|的|以外|之外|其他");

    @Override
    public List<Handler> extract(Document d) {
        ClauseText.Grouped<String> g = new ClauseText.Grouped<>();
        String text = d.normalizedText();
        Map<String, ShortName> shortNames = new LinkedHashMap<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            // NAME（以下简称“我们”）
            Matcher p = WE_AFTER.matcher(t.indexOf('（') >= 0 || t.indexOf('(') >= 0 ? t : "");
            while (p.find()) {
                boolean we = L.find("WE", p.group(1));
                Matcher wm = WELCOME.matcher(t);
                boolean welcome = L.find("ALIAS", p.group(1)) && wm.find()
                        && wm.end() <= p.start() && !t.contains("SDK");
                if (!we && !welcome) {
                    continue;
                }
                int end = p.start();
                Matcher aff = AFFILIATES.matcher(t.substring(Math.max(0, end - 12), end));
                if (aff.find()) {
                    end = Math.max(0, end - 12) + aff.start();
                }
                end = beforeAddress(t, end);
                if (end > 0 && t.charAt(end - 1) == '】') {
                    int open = t.lastIndexOf('【', end);
                    if (open >= 0 && end - open < 50) {
                        addName(g, d, s, t, open + 1, end - 1, true);
                        continue;
                    }
                }
                addName(g, d, s, t, nameStart(t, end), end, true);
            }
            shortNames(d, s, t, shortNames);
            handlerByShortName(g, t, shortNames);
            weMeans(g, d, s, t);
            int by = t.indexOf('由');
            for (Rx pat : new Rx[] {BEFORE, WE_IS, PRODUCT_BY, GROUP_BY}) {
                // both run on every sentence: skip them where their fixed words cannot stand
                if (pat == PRODUCT_BY && !t.contains("的产品") || pat == GROUP_BY && (by < 2 || by > 14)) {
                    continue;
                }
                Matcher m = pat.matcher(t);
                for (int at = 0; pat.findFrom(m, t, at); at = Math.max(m.end(), m.start() + 1)) {
                    int gi = m.group(1) != null ? 1 : 2;
                    if (m.group(gi) == null) {
                        continue;
                    }
                    addName(g, d, s, t, m.start(gi), m.end(gi), false);
                }
            }
            boolean operates = OPERATES_ANY.find(t);
            for (Rx pat : operates ? new Rx[] {BY, CLAUSE_OPERATES, POLICY_BY} : new Rx[] {POLICY_BY}) {
                if (pat == POLICY_BY && !(t.contains("由") && t.contains("提供"))) {
                    continue;
                }
                Matcher m = pat.matcher(t);
                while (m.find()) {
                    addName(g, d, s, t, m.start(1), m.end(1), false);
                }
            }
        }
        // signature: a line among the last lines of the document that is only an organisation name
        List<Sentence> ss = d.sentences();
        for (int i = Math.max(0, ss.size() - 4); i < ss.size(); i++) {
            Sentence s = ss.get(i);
            String t = s.text().strip();
            if (t.length() <= 40 && t.matches(NAME_CHARS + "{4,40}") && SUFFIX_END.matcher(t).find()
                    && !BAD.matcher(t).find()) {
                int off = s.text().indexOf(t);
                g.add(t, d.cite(s.start() + off, s.start() + off + t.length()));
            }
        }
        return g.build(Handler::new);
    }

    /** Cuts the candidate span to the longest organisation name that ends with a suffix and adds it. */
    private static void addName(ClauseText.Grouped<String> g, Document d, Sentence s, String t, int start, int end,
                                boolean mustEndAtEnd) {
        String name = legalName(t, start, end, mustEndAtEnd);
        if (name != null) {
            int at = t.indexOf(name, start);
            g.add(name, d.cite(s.start() + at, s.start() + at + name.length()));
        }
    }

    /** The longest organisation name in {@code t[start, end)} that ends with a suffix, or null. */
    private static String legalName(String t, int start, int end, boolean mustEndAtEnd) {
        String rest = t.substring(start, end);
        int cut = -1;
        if (mustEndAtEnd) {
            // 北京字节跳动科技有限公司（现北京抖音信息服务有限公司）: drop a trailing parenthesis that follows a full name
            Matcher tp = TRAILING_PAREN.matcher(rest);
            if (tp.find() && SUFFIX_END.matcher(rest.substring(0, tp.start())).find()) {
                rest = rest.substring(0, tp.start());
            }
            if (SUFFIX_END.matcher(rest).find()) {
                cut = rest.length();
            }
        } else {
            // the longest prefix that ends with a suffix and is followed by a boundary
            Matcher sm = L.get("SUFFIX").matcher(rest);
            while (sm.find()) {
                if (sm.end() >= 4 && balanced(rest.substring(0, sm.end()))) {
                    String after = rest.substring(sm.end());
                    if (after.isEmpty() || !Character.isLetterOrDigit(after.charAt(0)) || AFTER_NAME.matcher(after).lookingAt()
                            || after.startsWith("（") || after.startsWith("(")) {
                        cut = sm.end();
                    }
                }
            }
        }
        if (cut < 4) {
            return null;
        }
        String name = rest.substring(0, cut);
        // left trim: after the last stop word (开发者, 由, 是, 为 …)
        Matcher st = STOP.matcher(name);
        if (st.lookingAt()) {
            name = name.substring(st.end());
        }
        name = LEAD_PARENTHESIS.matcher(name).replaceAll("").strip();
        if (name.length() < 4 || name.length() > 40 || BAD.matcher(name).find() || !balanced(name)
                || !SUFFIX_END.matcher(name).find() || t.indexOf(name, start) < 0) {
            return null;
        }
        return name;
    }

    /** Where the name that ends at {@code end} starts: back over name characters (and spaces between Latin words). */
    private static int nameStart(String t, int end) {
        int start = end;
        while (start > 0 && end - start < 50) {
            char c = t.charAt(start - 1);
            boolean latinSpace = c == ' ' && start >= 2 && isLatin(t.charAt(start - 2)) && isLatin(t.charAt(start));
            if (!latinSpace && !isNameChar(c)) {
                break;
            }
            start--;
        }
        return start;
    }

    /**
     * “我们”…均意为给您提供…服务的NAME（注册地址…）: 我们 defined as the entity a longer description ends in — the
     * first legal name within {@link #WE_MEANS_REACH} characters after the definition, cut after the last 的 before it.
     */
    private static void weMeans(ClauseText.Grouped<String> g, Document d, Sentence s, String t) {
        Matcher wm = WE_MEANS.matcher(t);
        if (!wm.find()) {
            return;
        }
        Matcher sm = L.get("SUFFIX").matcher(t);
        sm.region(wm.end(), Math.min(t.length(), wm.end() + WE_MEANS_REACH));
        while (sm.find()) {
            int end = sm.end();
            int start = Math.max(nameStart(t, end), Math.max(wm.end(), t.lastIndexOf('的', end - 1) + 1));
            // the name may go on past this suffix (…有限公司武汉分公司): the longest name in the run of name characters
            int runEnd = end;
            while (runEnd < t.length() && isNameChar(t.charAt(runEnd))) {
                runEnd++;
            }
            if (legalName(t, start, runEnd, false) != null) {
                addName(g, d, s, t, start, runEnd, false);
                return;
            }
        }
    }

    /** A legal name with the short name the policy gives it, and where the legal name stands. */
    private record ShortName(String legalName, Citation citation) {
    }

    /**
     * NAME（简称“SHORT”…: the short names of legal names, kept for the sentences after it (the parenthesis may close in
     * a later sentence: 金拱门（中国）有限公司（简称“麦当劳中国”，注册地址…；麦当劳中国与其各关联公司合称“我们”）).
     */
    private static void shortNames(Document d, Sentence s, String t, Map<String, ShortName> out) {
        if (t.indexOf('（') < 0 && t.indexOf('(') < 0) {
            return;
        }
        Matcher m = SHORT_NAME.matcher(t);
        while (m.find()) {
            String shortName = m.group(1).strip();
            if (L.find("WE", "称" + shortName) || shortName.length() < 2) {
                continue;
            }
            int end = m.start();
            String name = legalName(t, nameStart(t, end), end, true);
            if (name != null) {
                int at = t.lastIndexOf(name, end);
                out.putIfAbsent(shortName, new ShortName(name, d.cite(s.start() + at, s.start() + at + name.length())));
            }
        }
    }

    /** A sentence that begins with a short name and calls it 我们 (麦当劳中国与其各关联公司…合称“我们”) names the handler. */
    private static void handlerByShortName(ClauseText.Grouped<String> g, String t, Map<String, ShortName> shortNames) {
        if (shortNames.isEmpty()) {
            return;
        }
        String x = LEAD_BULLET.matcher(t).replaceFirst("");
        Matcher we = L.get("WE").matcher(x);
        if (!we.find()) {
            return;
        }
        for (Map.Entry<String, ShortName> e : shortNames.entrySet()) {
            if (x.startsWith(e.getKey()) && we.start() >= e.getKey().length()
                    && we.start() <= e.getKey().length() + MAX_SHORT_NAME_GAP
                    && x.substring(e.getKey().length(), we.start()).matches("[^，,。；;：:]*")) {
                g.add(e.getValue().legalName(), e.getValue().citation());
            }
        }
    }

    private static final Pattern NAME_CHAR = Pattern.compile(NAME_CHARS);

    private static boolean isNameChar(char c) {
        return NAME_CHAR.matcher(String.valueOf(c)).matches();
    }
    /** （简称“麦当劳中国”: a short name given to the legal name before the parenthesis (which may not close here). */
    private static final Pattern SHORT_NAME = Pattern.compile(
            "[（(]\\s*(?:以下)?(?:简称|下称|以下称|统称|合称)[为:：]?\\s*[“\"「『]([^”\"」』，。；]{2,12})[”\"」』]");
    private static final Rx WE_MEANS = Rx.of("[“\"]我们[”\"][^。；]{0,40}?(?:意为|是指|系指|指)");
    private static final int WE_MEANS_REACH = 120;
    private static final Pattern LEAD_BULLET = Pattern.compile("^[\\s•·●▪\\-]*");
    /** How far after the short name its 我们 designation may stand (与其各关联公司及被特许人合称). */
    private static final int MAX_SHORT_NAME_GAP = 30;

    /** {@code end}, or where the address parenthesis that ends {@code t[0, end)} opens. */
    private static int beforeAddress(String t, int end) {
        if (end == 0 || (t.charAt(end - 1) != '）' && t.charAt(end - 1) != ')')) {
            return end;
        }
        int depth = 0;
        for (int i = end - 1; i >= 0 && end - i < 120; i--) {
            char c = t.charAt(i);
            if (c == '）' || c == ')') {
                depth++;
            } else if ((c == '（' || c == '(') && --depth == 0) {
                return ADDRESS.matcher(t.substring(i, end)).find() ? i : end;
            }
        }
        return end;
    }

    private static boolean isLatin(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
