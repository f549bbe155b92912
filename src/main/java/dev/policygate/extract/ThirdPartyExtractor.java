package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.ThirdParty;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embedded SDKs and recipients ({@link ThirdParty}). Reads SDK entries written as labelled fields
 * (SDK名称：… 使用目的：… 收集个人信息类型：… 第三方名称：… 隐私政策链接：…), on one line or on consecutive
 * lines, and prose entries (X SDK，由Y公司提供，为实现…); named recipients in sharing sentences (company
 * names, known providers of {@code lexicon/sdk-providers.tsv}); unnamed recipients (关联方, 合作伙伴 …); and
 * pointers to a separate SDK/sharing list (《第三方SDK目录》).
 */
public final class ThirdPartyExtractor implements AreaExtractor {
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[，,；;。、\\s]+$");
    private static final Pattern LEAD_SEPARATORS = Pattern.compile("^[，,；;\\s]+");
    private static final Pattern LEAD_NUMBERING = Pattern.compile("^[（(]?[0-9一二三四五六七八九十]+[)）.、．]\\s*");
    private static final Pattern LEAD_LIST_NUMBER = Pattern.compile("^\\s*[（(]?[0-9一二三四五六七八九十]+[)）.、．,]\\s*,?");
    private static final Pattern LEAD_PUNCTUATION = Pattern.compile("^[.、．,，\\s]+");

    private static final Rx KEY = Rx.of(
            "(?:(?<name>SDK名称|第三方SDK名称|插件名称|组件名称|产品名称|服务名称|SDK)"
                    + "|(?<provider>第三方名称|第三方主体名称|第三方主体|第三方公司名称|第三方公司|SDK提供方|提供方名称|提供方|服务提供方|公司名称|开发者|所属公司|合作方名称|第三方机构名称|运营方|提供者|主体名称)"
                    + "|(?<purpose>使用目的|共享目的|处理目的|目的|用途|使用场景|业务场景|功能)"
                    + "|(?<pi>收集个人信息类型|收集的个人信息类型|收集个人信息的类型|收集的个人信息字段|收集的个人信息|个人信息类型|个人信息字段|数据类型|收集信息类型|收集的信息|收集信息|涉及个人信息|共享的个人信息|共享信息|共享个人信息|收集个人信息|处理的个人信息|信息类型)"
                    + "|(?<url>隐私政策链接|隐私权政策链接|隐私政策地址|隐私政策网址|隐私政策|隐私权政策|官网链接|官方链接|链接|网址)"
                    + "|(?<perm>涉及权限|申请权限|使用权限|调用权限|所需权限|权限))"
                    + "(?=\\s*[：:])");
    private static final Rx PROVIDES_FUNCTION = Rx.of("提供([^，,。；;]{2,30}?(?:功能|服务))");
    private static final Rx URL = Rx.of("(?:https?://|www\\.)[A-Za-z0-9./?=_%&#:~+\\-]+");
    private static final Rx SDK_TOKEN = Rx.of("[A-Za-z0-9\\p{IsHan}+·.\\-（）() ]{0,24}?(?:SDK|sdk|Sdk)");
    private static final Rx GENERIC_NAME = Rx.of(
            "第三方|合作方|合作伙伴|授权|相关|该|此|这些|上述|以下|类似|其他|软件开发包|软件工具开发包|开发工具包|工具包|的|接入|嵌入|集成|使用|我们|及|或|和|与|等|（|）|\\(|\\)|SDK|sdk|\\s|·|\\.|、|，|,|由|通过|内嵌|部分|各类|相应|对应|一些|应用程序|服务商|提供|技术|插件|形式|包括|但|不限于|于|部分|某些|个别|多个|如下|下列|需要|会|将");
    private static final Rx NAME_PREFIX_CUT = Rx.of(
            ".*(?:使用了|使用|接入了|接入|集成了|集成|嵌入了|嵌入|内嵌|通过|采用|引入|调用|第三方|合作方|我们的|我们|本应用|本平台|的|由|[)）]\\s*|、|：|:)");
    private static final Rx PROVIDED_BY = Rx.of("由([^，,。；;]{2,40}?)(?:提供|开发|运营)");
    private static final Rx COMPANY = Rx.of("[\\p{IsHan}A-Za-z（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司|集团(?!控股)|研究院|[省市县区]\\p{IsHan}{1,12}(?:局|中心|委员会|厅)|中国\\p{IsHan}{1,6}银行)");
    private static final Rx COMPANY_SUFFIX = Rx.of("公司|集团|研究院|局|中心|委员会|厅|银行");
    private static final Rx COMPANY_LEAD = Rx.of("^(?:或者|或|除了|除|及|和|与|以及|其他|如|果|您|我们|并|由|向|给|将)+");
    private static final Rx GENERIC_COMPANY = Rx.of(
            "第三方|其他|相关|合作|关联|任何|这些|上述|本公司|该公司|公司集团|^(?:我们的?|您的?|各|母|子|分|本)?(?:公司|集团|银行)$|关联公司|合作公司|第三方公司|其他公司|相关公司|任何公司|这些公司|该公司|此类公司|关联方公司|分公司$|子公司$");
    private static final Rx COMPANY_CUT = Rx.of(".*(?:给|向|与|由|和|及|、|的|将|至|：|:|把|包括|例如|集成了?|接入了?|获取|鉴于|运营商|使用了?|采用|通过|，|,)");
    private static final Rx SHARE_VERB = Rx.withAnchors(
            "共享|提供\\s*给|对外提供|分享给|传输给|披露给|发送给|转移给|传送给|委托|接入(?!网络|的网络|方式|互联网|类型)|嵌入|集成|向(?!我们|我方|我行)[^，。；]{1,30}提供|与[^，。；]{1,30}(?:共享|分享)",
            "共享", "提供", "分享", "传输给", "披露给", "发送给", "转移给", "传送给", "委托", "接入", "嵌入", "集成");
    private static final Rx UNNAMED = Rx.of(
            "关联方|关联公司|关联企业|合作伙伴|合作方|合作单位|第三方服务商|服务提供商|服务商|第三方机构|技术(?:支撑|支持|服务)单位|供应商|第三方");
    /** The user shares or posts content to a place (分享到/转发至/发布到 …) right before a party's name. */
    private static final Pattern USER_SHARES_TO = Pattern.compile(
            "(?:分享|转发|转载|发布|发表|同步|上传|推送)(?:内容|信息|链接|文章|图片|视频)?(?:到|至)(?:其他|其它|各类|各个|相关|您的|你的)?的?$");
    private static final Rx NEGATED_SHARING = Rx.of("(?:不会|不|绝不|禁止)(?:与|向|将)?[^，。；]{0,20}(?:共享|提供|分享|出售)");
    private static final Rx EXCEPTION_WORDS = Rx.of("除|但|除非|例外|以下情[形况]");
    private static final Rx SEPARATE_LIST_TITLE = Rx.of(
            "《[^》]{0,30}(?:SDK|sdk|第三方|共享|合作|接入|对外提供)[^》]{0,20}(?:清单|目录|列表|说明|情况|一览)[^》]{0,10}》");
    private static final Rx SEPARATE_LIST = Rx.of("(?:SDK|第三方|共享|合作方)[^，。；《读获收安]{0,10}(?:清单|目录|列表)");
    private static final Rx POINTER = Rx.of("查看|参见|参阅|参照|详见|请见|点击|链接|附件|附录|见|阅读|了解");

    @Override
    public List<ThirdParty> extract(Document d) {
        Map<String, ThirdParty> out = new LinkedHashMap<>();
        Map<Integer, Integer> sdkLines = new HashMap<>();
        blocks(d, out, sdkLines);
        tables(d, out, sdkLines);
        rowTables(d, out, sdkLines);
        recipients(d, out, sdkLines);
        return new ArrayList<>(out.values());
    }

    // ---- SDK entries ------------------------------------------------------------------------------------

    private static final class Entry {
        String name;
        String provider;
        String purpose;
        List<String> pi = new ArrayList<>();
        String url;
        int start;
        int end;
        boolean keyed;
        int fields;
        Set<String> seen = new HashSet<>();
        int lastColumn = -1;
    }

    private void blocks(Document d, Map<String, ThirdParty> out, Map<Integer, Integer> sdkLines) {
        Entry cur = null;
        List<ClauseText.Line> all = ClauseText.lines(d);
        for (int li = 0; li < all.size(); li++) {
            ClauseText.Line line = all.get(li);
            String t = line.text();
            // a label alone on its line with its value on the next (SDK名称 / 极光推送SDK): read as "label：value"
            if (li + 1 < all.size() && isHeader(t)
                    && (li == 0 || !isHeader(all.get(li - 1).text()))
                    && !isHeader(all.get(li + 1).text()) && all.get(li + 1).text().length() <= 300) {
                ClauseText.Line value = all.get(li + 1);
                t = t.strip() + "：" + value.text();
                line = new ClauseText.Line(line.start(), value.end(), t);
                li++;
            } else {
                // an entry followed on its line by a sharing sentence of its own (…设备标识符。我们还会与合作伙伴共享…):
                // the entry ends at the sentence end, the rest is read as a recipient sentence
                int tail = sharingTail(t);
                if (tail > 0) {
                    t = t.substring(0, tail);
                    line = new ClauseText.Line(line.start(), line.start() + tail, t);
                }
            }
            Map<String, String> kv = new LinkedHashMap<>();
            String lead = keyValues(t, kv);
            String inlineName = sdkName(lead != null ? lead : t);
            boolean hasKeys = !kv.isEmpty();
            boolean prose = !hasKeys && inlineName != null && t.length() <= 400 && startsWithName(t, inlineName)
                    && (PROVIDED_BY.find(t) || ClauseText.purpose(t) != null);
            if (!hasKeys && !prose) {
                if (cur != null && !(t.length() <= 60 && cur.keyed && URL.find(t))) {
                    emit(d, cur, out);
                    cur = null;
                } else if (cur != null) {
                    Matcher u = URL.matcher(t);
                    if (u.find() && cur.url == null) {
                        cur.url = u.group();
                    }
                    cur.end = line.end();
                }
                continue;
            }
            String keyedName = kv.get("name");
            boolean bareSdkKey = "SDK".equalsIgnoreCase(kv.getOrDefault("nameKey", "")) && lead != null
                    && !isGenericName(lead);
            if (bareSdkKey) {
                keyedName = lead.strip() + kv.get("nameKey");
            } else if ("SDK".equalsIgnoreCase(kv.getOrDefault("nameKey", "")) && keyedName != null) {
                String n = sdkName(keyedName);
                keyedName = n != null && startsWithName(keyedName, n) ? n : null;
            }
            boolean startsNew = cur == null || keyedName != null || (inlineName != null && lead != null)
                    || prose || (kv.containsKey("provider") && cur.provider != null)
                    || (kv.containsKey("purpose") && cur.purpose != null);
            if (startsNew) {
                if (cur != null) {
                    emit(d, cur, out);
                }
                cur = new Entry();
                cur.start = line.start();
                cur.name = keyedName != null ? cleanName(keyedName) : inlineName;
            }
            cur.end = line.end();
            cur.keyed |= hasKeys;
            cur.fields += kv.size();
            sdkLines.put(line.start(), line.end());
            if (kv.containsKey("provider")) {
                cur.provider = cleanValue(kv.get("provider"));
            }
            if (cur.provider == null && cur.name != null && startsWithName(t, cur.name)) {
                Matcher pb = PROVIDED_BY.matcher(t);
                if (pb.find()) {
                    cur.provider = pb.group(1).strip();
                }
            }
            if (kv.containsKey("purpose")) {
                cur.purpose = cleanValue(kv.get("purpose"));
            } else if (cur.purpose == null && (prose || bareSdkKey)) {
                cur.purpose = ClauseText.purpose(t);
                if (cur.purpose == null) {
                    Matcher pf = PROVIDES_FUNCTION.matcher(t);
                    if (pf.find()) {
                        cur.purpose = pf.group(1);
                    }
                }
            }
            if (kv.containsKey("pi")) {
                addAll(cur.pi, PiTaxonomy.namesIn(kv.get("pi")));
            } else if (prose || bareSdkKey) {
                addAll(cur.pi, PiTaxonomy.namesIn(t));
            }
            if (cur.provider == null && (prose || bareSdkKey)) {
                List<String> cs = companies(t);
                if (!cs.isEmpty()) {
                    cur.provider = cs.get(0);
                }
            }
            if (cur.url == null) {
                String u = kv.getOrDefault("url", t);
                Matcher m = URL.matcher(u);
                if (m.find()) {
                    cur.url = m.group();
                }
            }
        }
        if (cur != null) {
            emit(d, cur, out);
        }
    }

    /**
     * Where a labelled SDK entry line stops and a sentence that shares PI on its own begins: just after the first
     * sentence end (。！？) following the last field label, when the rest has a sharing verb; -1 otherwise.
     */
    private static int sharingTail(String t) {
        if (t.indexOf('：') < 0 && t.indexOf(':') < 0) {
            return -1;
        }
        Matcher m = KEY.matcher(t);
        int lastKey = -1;
        for (int at = 0; KEY.findFrom(m, t, at); at = Math.max(m.end(), m.start() + 1)) {
            lastKey = m.end();
        }
        if (lastKey < 0) {
            return -1;
        }
        for (int k = lastKey; k < t.length() - 1; k++) {
            char c = t.charAt(k);
            if (c == '。' || c == '！' || c == '？') {
                return SHARE_VERB.find(t.substring(k + 1)) ? k + 1 : -1;
            }
        }
        return -1;
    }

    private static boolean startsWithName(String t, String name) {
        int i = t.indexOf(name);
        return i >= 0 && i <= 6;
    }

    private static void addAll(List<String> into, List<String> more) {
        for (String s : more) {
            if (!into.contains(s)) {
                into.add(s);
            }
        }
    }

    /** Fills key → value for labelled fields of a line; returns the text before the first label (or null). */
    private static String keyValues(String t, Map<String, String> kv) {
        if (t.indexOf('：') < 0 && t.indexOf(':') < 0) {
            return null;
        }
        Matcher m = KEY.matcher(t);
        List<int[]> keys = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int at = 0; KEY.findFrom(m, t, at); at = Math.max(m.end(), m.start() + 1)) {
            String kind = m.group("name") != null ? "name" : m.group("provider") != null ? "provider"
                    : m.group("purpose") != null ? "purpose" : m.group("pi") != null ? "pi"
                    : m.group("url") != null ? "url" : "perm";
            keys.add(new int[] {m.start(), m.end()});
            kinds.add(kind);
        }
        if (keys.isEmpty()) {
            return null;
        }
        // a single generic label ("功能：", "权限：") in a long sentence is prose, not a field
        if (keys.size() == 1 && t.length() > 120 && !kinds.get(0).equals("name")) {
            return null;
        }
        for (int k = 0; k < keys.size(); k++) {
            int vs = keys.get(k)[1];
            while (vs < t.length() && (t.charAt(vs) == '：' || t.charAt(vs) == ':' || t.charAt(vs) == ' ')) {
                vs++;
            }
            int ve = k + 1 < keys.size() ? keys.get(k + 1)[0] : t.length();
            kv.putIfAbsent(kinds.get(k), t.substring(vs, Math.max(vs, ve)));
            if (kinds.get(k).equals("name")) {
                kv.putIfAbsent("nameKey", t.substring(keys.get(k)[0], keys.get(k)[1]));
            }
        }
        return t.substring(0, keys.get(0)[0]);
    }

    private static String cleanValue(String v) {
        String x = LEAD_SEPARATORS.matcher(TRAILING_SEPARATORS.matcher(v).replaceAll("")).replaceAll("").strip();
        return x.isEmpty() ? null : x;
    }

    private static String cleanName(String v) {
        String x = cleanValue(v);
        if (x == null) {
            return null;
        }
        int cut = x.length();
        for (String stop : new String[] {"，", "；", ";", "。"}) {
            int i = x.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        x = LEAD_NUMBERING.matcher(x.substring(0, cut)).replaceFirst("").strip();
        return isGenericName(x) ? null : x;
    }

    private static final Rx PRIVACY = Rx.of("隐私");
    /** The field labels of an SDK table's row written on one line ("友盟 使用目的：… 数据类型：… 官网链接：…"). */
    private static final Rx ROW_FIELD = Rx.of("使用目的|数据类型|官网链接|隐私政策链接|收集(?:的)?个人信息(?:类型|字段|范围)");
    /** The words of a title that points to a list kept elsewhere (第三方SDK目录, 共享情况说明). */
    private static final Rx LIST_WORD = Rx.of("清单|目录|列表|说明|情况|一览");

    /** Whether the text speaks of an SDK (SDK, sdk, Sdk). */
    static boolean mentionsSdk(String t) {
        return t.contains("SDK") || t.contains("sdk") || t.contains("Sdk");
    }

    /** A specific SDK name in the text (百度人脸识别SDK, 高德地图SDK（…）), or null. */
    static String sdkName(String t) {
        String head = LEAD_LIST_NUMBER.matcher(t).replaceFirst("");
        int comma = indexOfAny(head, "，,；;。：:");
        String first = comma < 0 ? head : head.substring(0, comma);
        if (first.length() <= 40 && (first.contains("SDK") || first.contains("sdk"))) {
            String n = LEAD_PUNCTUATION.matcher(cutAfterSdk(first).strip()).replaceFirst("");
            if (!isGenericName(n) && !NAME_PREFIX_CUT.matcher(n).lookingAt()) {
                return n;
            }
        }
        if (first.length() <= 30 && !SdkProviders.find(first).isEmpty() && !PRIVACY.find(first)
                && ROW_FIELD.find(t)) {
            return first.strip();
        }
        if (!mentionsSdk(t)) {
            return null;
        }
        Matcher m = SDK_TOKEN.matcher(t);
        while (m.find()) {
            String n = m.group();
            Matcher c = NAME_PREFIX_CUT.matcher(n.substring(0, Math.max(0, n.length() - 3)));
            if (c.lookingAt()) {
                n = n.substring(c.end());
            }
            n = LEAD_PUNCTUATION.matcher(n.strip()).replaceFirst("");
            if (!isGenericName(n)) {
                return n;
            }
        }
        return null;
    }

    /** "高德地图SDK（高德3D地图SDK）会用到…" → "高德地图SDK（高德3D地图SDK）". */
    private static String cutAfterSdk(String s) {
        int i = s.indexOf("SDK");
        if (i < 0) {
            i = s.indexOf("sdk");
        }
        int end = i + 3;
        if (end < s.length() && (s.charAt(end) == '（' || s.charAt(end) == '(')) {
            int close = s.indexOf(s.charAt(end) == '（' ? '）' : ')', end);
            if (close > 0) {
                end = close + 1;
            }
        }
        return s.substring(0, end);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static boolean isGenericName(String n) {
        return n == null || GENERIC_NAME.matcher(n).replaceAll("").isBlank();
    }

    private void emit(Document d, Entry e, Map<String, ThirdParty> out) {
        if (e.name == null && e.provider == null) {
            return;
        }
        if (e.name == null && e.keyed && e.fields < 2) {
            return;
        }
        if (e.name != null && !e.name.contains("SDK") && !e.name.contains("sdk") && e.provider == null
                && SdkProviders.find(e.name).isEmpty()) {
            return;
        }
        String provider = e.provider;
        if (provider == null) {
            var hits = SdkProviders.find(e.name);
            if (!hits.isEmpty()) {
                provider = hits.get(0).value().provider();
            }
        }
        List<Citation> cites = List.of(d.cite(e.start, e.end));
        ThirdParty tp = new ThirdParty(ThirdParty.Kind.SDK, provider, e.name, true, e.purpose, List.copyOf(e.pi),
                e.url, false, cites);
        String key = "SDK|" + provider + "|" + e.name;
        if (provider != null && e.name != null) {
            for (ThirdParty o : out.values()) {
                if (provider.equals(o.provider()) && o.service() != null
                        && (o.service().contains(e.name) || e.name.contains(o.service()))) {
                    key = "SDK|" + provider + "|" + o.service();
                    break;
                }
            }
        }
        merge(out, key, tp);
    }

    private static void merge(Map<String, ThirdParty> out, String key, ThirdParty tp) {
        ThirdParty old = out.get(key);
        if (old == null) {
            out.put(key, tp);
            return;
        }
        List<String> pi = new ArrayList<>(old.piTypes());
        addAll(pi, tp.piTypes());
        List<Citation> cites = new ArrayList<>(old.citations());
        for (Citation c : tp.citations()) {
            if (!cites.contains(c) && cites.size() < 3) {
                cites.add(c);
            }
        }
        out.put(key, new ThirdParty(old.kind(), old.provider() != null ? old.provider() : tp.provider(),
                old.service() != null ? old.service() : tp.service(), old.named() || tp.named(),
                old.purpose() != null ? old.purpose() : tp.purpose(), pi,
                old.policyUrl() != null ? old.policyUrl() : tp.policyUrl(),
                old.listedSeparately() || tp.listedSeparately(), cites));
    }

    // ---- tables rendered as lines (a run of header cells, then cells row by row) -------------------------

    private static final Rx TABLE_HEADER = Rx.of(
            "^(?:第三方)?(?:SDK|sdk)?(?:名称|主体|主体名称|公司名称|机构名称|提供方|场景描述|功能描述|使用目的|目的|用途|功能类型|功能|涉及个人信息|收集个人信息类型|个人信息类型|收集的个人信息|共享个人信息|共享的个人信息|个人信息字段|数据类型|官网链接|隐私政策链接|隐私政策|共享方式|使用场景|业务场景|收集方式|处理方式|权限|涉及权限|申请权限|类型)$");
    /** What a header cell names, tested in this order (the rest are purposes): the SDK, its provider, a link, PI. */
    private static final Rx NAME_COLUMN = Rx.of("SDK|sdk|功能类型|产品");
    private static final Rx PROVIDER_COLUMN = Rx.of("名称|主体|提供方|公司");
    private static final Rx URL_COLUMN = Rx.of("链接|官网|隐私政策");
    private static final Rx PI_COLUMN = Rx.of("信息|数据类型|字段");
    /** A column that names who provides the SDK (a table with one is a table of named recipients). */
    private static final Rx NAMED_COLUMN = Rx.of("名称|主体|提供方");
    private static final Rx TABLE_END = Rx.of("^(?:[0-9]+[.、．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)])");
    private static final Rx ORG_END = Rx.of("(?:公司|集团|银行|中心|局|研究院|委员会|Inc\\.?|Ltd\\.?|LLC)$");
    private static final Rx PURPOSE_START = Rx.of("^(?:用于|为了|为|提供|实现|以便|便于|帮助)");

    /** A short line that is only a column label (SDK名称, 使用目的 …). */
    private static boolean isHeader(String line) {
        String x = line.strip();
        return x.length() <= 12 && TABLE_HEADER.find(x);
    }

    private void tables(Document d, Map<String, ThirdParty> out, Map<Integer, Integer> sdkLines) {
        List<ClauseText.Line> lines = ClauseText.lines(d);
        int i = 0;
        while (i < lines.size()) {
            int h = i;
            boolean named = false;
            List<String> columns = new ArrayList<>();
            while (h < lines.size() && isHeader(lines.get(h).text())) {
                String x = lines.get(h).text();
                named |= NAMED_COLUMN.find(x);
                String kind = headerKind(x);
                if (!columns.contains(kind)) {
                    columns.add(kind);
                }
                h++;
            }
            if (h - i < 3 || !named) {
                i = Math.max(h, i + 1);
                continue;
            }
            Entry cur = null;
            int k = h;
            for (; k < lines.size(); k++) {
                ClauseText.Line line = lines.get(k);
                String x = line.text().strip();
                if (TABLE_END.find(x) || x.length() > 400 || isHeader(x)) {
                    break;
                }
                String field = cellKind(x);
                if (field.equals("pi") || field.equals("purpose")) {
                    // free text: the purpose or PI column, whichever comes next in the header order
                    int last = cur == null ? -1 : cur.lastColumn;
                    int pu = columns.indexOf("purpose");
                    int pi = columns.indexOf("pi");
                    boolean puNext = pu > last && (cur == null || !cur.seen.contains("purpose"));
                    boolean piNext = pi > last && (cur == null || !cur.seen.contains("pi"));
                    if (puNext && piNext) {
                        field = pu < pi ? "purpose" : "pi";
                    } else if (puNext) {
                        field = "purpose";
                    } else if (piNext) {
                        field = "pi";
                    }
                }
                int col = columns.indexOf(field);
                if (cur == null || cur.seen.contains(field) || (col >= 0 && col <= cur.lastColumn)) {
                    if (cur != null) {
                        emit(d, cur, out);
                    }
                    cur = new Entry();
                    cur.start = line.start();
                    cur.keyed = true;
                }
                cur.seen.add(field);
                cur.lastColumn = Math.max(cur.lastColumn, col);
                cur.end = line.end();
                cur.fields++;
                sdkLines.put(line.start(), line.end());
                setCell(cur, field, x);
            }
            if (cur != null) {
                emit(d, cur, out);
            }
            i = Math.max(k, i + 1);
        }
    }

    // ---- tables whose rows are lines, cells apart by whitespace (a page or a PDF copied as text) --------------

    /** The gap between two cells of a row written on one line. */
    private static final Pattern CELL_GAP = Pattern.compile("\\s+");
    /** A column that only numbers the rows. */
    private static final Rx INDEX_HEADER = Rx.of("^(?:序号|编号|No\\.?)$");
    /** How many lines a row table may run after its header. */
    private static final int MAX_TABLE_ROWS = 200;
    /** Lines in a row that are no row of the table end it (a caption, then a table of permissions …). */
    private static final int MAX_OTHER_LINES = 8;

    /**
     * "序号 SDK名称 场景描述 个人信息字段 隐私政策链接 第三方机构名称" and then one line per SDK: a row whose cells are as many as
     * the header's is read cell by cell in the header's order; a row with more or fewer cells (a cell that holds a space)
     * is not read, since its cells cannot be told apart; a numbered heading ends the table.
     */
    private void rowTables(Document d, Map<String, ThirdParty> out, Map<Integer, Integer> sdkLines) {
        List<ClauseText.Line> lines = ClauseText.lines(d);
        for (int i = 0; i < lines.size(); i++) {
            if (!NAMED_COLUMN.find(lines.get(i).text())) {
                continue; // a header has a column that names the SDK or who provides it
            }
            String[] header = CELL_GAP.split(lines.get(i).text().strip());
            if (header.length < 3) {
                continue;
            }
            String[] kinds = new String[header.length];
            boolean named = false;
            for (int c = 0; c < header.length && kinds != null; c++) {
                if (INDEX_HEADER.find(header[c])) {
                    kinds[c] = "index";
                } else if (isHeader(header[c])) {
                    kinds[c] = headerKind(header[c]);
                    named |= NAMED_COLUMN.find(header[c]);
                } else {
                    kinds = null;
                }
            }
            if (kinds == null || !named) {
                continue;
            }
            int k = i + 1;
            int others = 0;
            for (; k < lines.size() && k <= i + MAX_TABLE_ROWS && others <= MAX_OTHER_LINES; k++) {
                ClauseText.Line line = lines.get(k);
                String x = line.text().strip();
                if (TABLE_END.find(x)) {
                    break;
                }
                String[] cells = CELL_GAP.split(x);
                if (!isRow(cells, kinds)) {
                    others++;
                    continue;
                }
                others = 0;
                Entry e = new Entry();
                e.start = line.start();
                e.end = line.end();
                e.keyed = true;
                for (int c = 0; c < cells.length; c++) {
                    if (!kinds[c].equals("index")) {
                        setCell(e, kinds[c], cells[c]);
                        e.fields++;
                    }
                }
                sdkLines.put(line.start(), line.end());
                emit(d, e, out);
            }
            i = k - 1;
        }
    }

    /**
     * Whether {@code cells} are a row under columns {@code kinds}: as many cells, a link where the link column is and
     * an organisation where the provider column is (a shifted row, or a table of permissions, has neither).
     */
    private static boolean isRow(String[] cells, String[] kinds) {
        if (cells.length != kinds.length) {
            return false;
        }
        for (int c = 0; c < cells.length; c++) {
            if (kinds[c].equals("url") && firstUrl(cells[c]) == null
                    || kinds[c].equals("provider") && !ORG_END.find(cells[c])) {
                return false;
            }
        }
        return true;
    }

    /** Files a cell of an SDK table under its column: the first purpose stands. */
    private static void setCell(Entry e, String kind, String cell) {
        switch (kind) {
            case "url" -> e.url = firstUrl(cell);
            case "name" -> e.name = cleanName(cell);
            case "provider" -> e.provider = cell;
            case "pi" -> addAll(e.pi, PiTaxonomy.namesIn(cell));
            default -> e.purpose = e.purpose == null ? cell : e.purpose;
        }
    }

    private static String headerKind(String x) {
        if (NAME_COLUMN.find(x)) {
            return "name";
        }
        if (PROVIDER_COLUMN.find(x)) {
            return "provider";
        }
        if (URL_COLUMN.find(x)) {
            return "url";
        }
        if (PI_COLUMN.find(x)) {
            return "pi";
        }
        return "purpose";
    }

    private static String firstUrl(String x) {
        Matcher m = URL.matcher(x);
        return m.find() ? m.group() : null;
    }

    private static String cellKind(String x) {
        if (x.length() <= 100 && URL.find(x) && URL.matcher(x).replaceAll("").strip().length() < 10) {
            return "url";
        }
        if (x.length() <= 40 && (x.contains("SDK") || x.contains("sdk")) && !isGenericName(x)) {
            return "name";
        }
        if (x.length() <= 40 && ORG_END.find(x)) {
            return "provider";
        }
        if (!PURPOSE_START.find(x) && !PiTaxonomy.typesIn(x).isEmpty()) {
            return "pi";
        }
        return "purpose";
    }

    // ---- recipients in sentences ------------------------------------------------------------------------

    private void recipients(Document d, Map<String, ThirdParty> out, Map<Integer, Integer> sdkLines) {
        String text = d.normalizedText();
        // the handler's own brand (in the title/opening) is not a recipient
        Set<String> ownProviders = new HashSet<>();
        for (var h : SdkProviders.find(text.substring(0, Math.min(text.length(), 120)))) {
            ownProviders.add(h.value().provider());
        }
        // the start of each sentence's line, found by one forward scan over the text (sentences come in text order;
        // a lastIndexOf per sentence was quadratic on a long single-line policy)
        int scanned = 0, scannedLineStart = 0;
        for (Sentence s : d.sentences()) {
            String t = s.text();
            int lineStart;
            if (s.start() < scanned) {
                lineStart = text.lastIndexOf('\n', Math.max(0, s.start() - 1)) + 1;
            } else {
                for (; scanned < s.start(); scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        scannedLineStart = scanned + 1;
                    }
                }
                lineStart = scannedLineStart;
            }
            if (s.start() == 0) {
                lineStart = 0;
            }
            boolean mayList = LIST_WORD.find(t);
            Matcher list = mayList ? SEPARATE_LIST_TITLE.matcher(t) : null;
            boolean listed = list != null && list.find();
            if (mayList && !listed) {
                list = SEPARATE_LIST.matcher(t);
                listed = list.find();
            }
            if (listed && POINTER.find(t)) {
                Matcher u = URL.matcher(t);
                merge(out, "LIST|" + list.group(), new ThirdParty(ThirdParty.Kind.SDK, null, list.group(), false,
                        null, List.of(), u.find() ? u.group() : null, true, List.of(d.cite(s))));
            }
            Integer sdkEnd = sdkLines.get(lineStart);
            boolean inSdkEntry = sdkEnd != null && s.start() < sdkEnd;
            if (inSdkEntry || !SHARE_VERB.find(t) || ClauseText.isExceptionItem(t)) {
                continue;
            }
            if (NEGATED_SHARING.find(t) && !EXCEPTION_WORDS.find(t)) {
                continue;
            }
            boolean sdk = t.contains("SDK") || t.contains("sdk");
            ThirdParty.Kind kind = sdk ? ThirdParty.Kind.SDK : ThirdParty.Kind.RECIPIENT;
            String purpose = ClauseText.purpose(t);
            List<String> pi = PiTaxonomy.namesIn(t);
            List<Citation> cites = List.of(d.cite(s));
            boolean named = false;
            List<String> companies = companies(t);
            for (String company : companies) {
                named = true;
                merge(out, "R|" + company, new ThirdParty(kind, company, null, true, purpose, pi, null, false, cites));
            }
            for (var h : companies.isEmpty() ? SdkProviders.find(t) : List.<TermMatcher.Hit<SdkProviders.Provider>>of()) {
                if (t.contains(h.value().provider()) || companies.stream().anyMatch(c -> c.contains(h.term()))
                        || ownProviders.contains(h.value().provider())) {
                    continue;
                }
                named = true;
                merge(out, "R|" + h.value().provider(), new ThirdParty(kind, h.value().provider(),
                        h.term(), true, purpose, pi, null, false, cites));
            }
            if (!named) {
                String u = unnamedRecipient(t);
                if (u != null) {
                    merge(out, "U|" + u, new ThirdParty(kind, u, null, false, purpose, pi, null, false, cites));
                }
            }
        }
    }

    /**
     * The first unnamed recipient (第三方, 合作伙伴 …) of a sentence, or null. A party that is where the user
     * shares or posts content (分享到第三方社交媒体, 转发至第三方平台) is the user's own act, not a recipient the
     * handler provides PI to, and is passed over.
     */
    static String unnamedRecipient(String t) {
        Matcher u = UNNAMED.matcher(t);
        while (u.find()) {
            if (!USER_SHARES_TO.matcher(t).region(Math.max(0, u.start() - 12), u.start()).find()) {
                return u.group();
            }
        }
        return null;
    }

    static List<String> companies(String t) {
        List<String> out = new ArrayList<>();
        if (!COMPANY_SUFFIX.find(t)) {
            return out;
        }
        Matcher m = COMPANY.matcher(t);
        while (m.find()) {
            String c = m.group();
            Matcher cut = COMPANY_CUT.matcher(c);
            if (cut.lookingAt()) {
                c = c.substring(cut.end());
            }
            c = COMPANY_LEAD.matcher(c).replaceFirst("");
            int after = m.end();
            boolean self = t.startsWith("（以下简称", after) || t.startsWith("(以下简称", after)
                    || t.startsWith("（下称", after);
            if (c.length() >= 4 && !GENERIC_COMPANY.find(c) && !self && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
