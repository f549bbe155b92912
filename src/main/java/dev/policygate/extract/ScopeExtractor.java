package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.PolicyScope;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the policy covers. An explicit scope sentence (本政策适用于…, 本指引仅适用于…) gives a fact with
 * {@code explicitScopeSentence = true} and the products it names (quoted names, 《》 titles, names ending in
 * APP/客户端/小程序/网站/平台); otherwise the product named in the title line (“抖音”隐私政策 → 抖音) or in the
 * introduction (欢迎您使用政务助手, “政务助手”APP) gives a fact with {@code explicitScopeSentence = false}.
 */
public final class ScopeExtractor implements AreaExtractor {
    /** "本政策不适用于…" names what the policy does not cover. */
    private static final Rx NOT_APPLICABLE = Rx.of("不适用");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“\"「『”」』]");
    private static final Pattern LEAD_FILLER = Pattern.compile("^(?:[，,、（(\\s]|包括|以及|及|和|与|通过|向|于|在|对|的)+");
    private static final Pattern PROVIDER_TAIL = Pattern.compile("(?:服务提供者|提供者)?以.*$");
    private static final Pattern LEAD_BY = Pattern.compile("^由");
    private static final Pattern QUOTE_AND_TITLE_MARKS = Pattern.compile("[“\"「『”」』《》]");
    private static final Rx SCOPE = Rx.of(
            "本(?:隐私|个人信息保护)?(?:政策|指引|声明|规则)[^。；]{0,12}(?:仅|只)?(?:适用于|覆盖|针对)(?!的法律|法律|法规)|(?:适用范围|适用对象)[：:为]");
    private static final Rx QUOTED = Rx.of("[“\"「『]([^”\"」』\\n]{1,24})[”\"」』]|《([^》\\n]{1,30})》");
    private static final Rx NAMED = Rx.of(
            "(?:^|[，,、（(\\s]|包括|以及|及|和|与|通过|向|于|在|对|的)([\\p{IsHan}A-Za-z0-9]{2,14}?)(?:\\s?(?:APP|App|app|客户端|小程序|网站|移动应用|应用程序|(?:手机|网上|电子)银行|软件))");
    private static final Rx TITLE = Rx.of(
            "^[“\"《「]?(.{1,24}?(?:APP|App|app|客户端)?)[”\"》」]?\\s*(?:用户)?(?:隐私(?:权)?(?:保护)?(?:政策|指引|声明|条款)|个人信息保护(?:政策|指引|规则)|个人信息处理规则)");
    private static final Rx WELCOME = Rx.of("欢迎(?:您)?(?:使用|选择|来到|访问)\\s{0,2}[“\"「]?([\\p{IsHan}A-Za-z0-9]{2,14}?)[”\"」]?(?:[！!，,。（(]|APP|App|客户端|产品|平台|服务)");
    private static final Rx GENERIC = Rx.of(
            "^(?:由|本服务|我们|您|本政策|本指引|用户|APP|App|app|本应用|本平台|本产品|平台|个人信息|隐私政策|同意|不同意|以下|关联方|服务|产品|本公司|公司|移动|手机|网站|客户端|小程序|应用程序|软件)$|政策|协议|指引|声明|规则|以下简称|我们|您|不限于|第三方|使用的|的|是本");
    private static final Rx LEAD = Rx.of("^(?:向|于|的|在|为|及|和|与|对|使用|通过|包括|即|含|以及|或)+");

    @Override
    public List<PolicyScope> extract(Document d) {
        List<Citation> cites = new ArrayList<>();
        Set<String> products = new LinkedHashSet<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            Matcher m = SCOPE.matcher(t);
            if (m.find() && !NOT_APPLICABLE.find(t)) {
                cites.add(d.cite(s));
                products.addAll(products(t.substring(m.end())));
            }
        }
        if (!cites.isEmpty()) {
            if (products.isEmpty()) {
                products.addAll(titleProducts(d, new ArrayList<>()));
            }
            return List.of(new PolicyScope(List.copyOf(products), true, List.copyOf(cites)));
        }
        List<Citation> titleCites = new ArrayList<>();
        Set<String> fromTitle = titleProducts(d, titleCites);
        if (fromTitle.isEmpty()) {
            return List.of();
        }
        return List.of(new PolicyScope(List.copyOf(fromTitle), false, List.copyOf(titleCites)));
    }

    static List<String> products(String t) {
        List<String> out = new ArrayList<>();
        Matcher q = QUOTED.matcher(t);
        while (q.find()) {
            String p = (q.group(1) != null ? q.group(1) : q.group(2)).strip();
            if (!GENERIC.find(p) && p.length() >= 2) {
                out.add(p);
            }
        }
        Matcher n = NAMED.matcher(QUOTE_MARKS.matcher(t).replaceAll(""));
        while (n.find()) {
            String p = LEAD.matcher(LEAD_FILLER.matcher(n.group(0)).replaceAll("").strip()).replaceFirst("");
            String core = LEAD.matcher(n.group(1)).replaceFirst("");
            p = LEAD_BY.matcher(PROVIDER_TAIL.matcher(p).replaceAll("")).replaceAll("");
            core = PROVIDER_TAIL.matcher(core).replaceAll("");
            if (p.length() >= 2 && core.length() >= 2 && !GENERIC.find(core) && out.stream().noneMatch(p::contains)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Set<String> titleProducts(Document d, List<Citation> cites) {
        Set<String> out = new LinkedHashSet<>();
        int seen = 0;
        for (Sentence s : d.sentences()) {
            if (++seen > 12) {
                break;
            }
            String t = s.text().strip();
            Matcher m = TITLE.matcher(t);
            if (t.length() <= 40 && m.find()) {
                String p = LEAD.matcher(QUOTE_AND_TITLE_MARKS.matcher(m.group(1)).replaceAll("").strip()).replaceFirst("");
                if (p.length() >= 2 && !GENERIC.find(p)) {
                    out.add(p);
                    cites.add(d.cite(s));
                }
            }
            Matcher w = WELCOME.matcher(t);
            if (w.find()) {
                String p = w.group(1);
                if (!GENERIC.find(p)) {
                    out.add(p);
                    cites.add(d.cite(s));
                }
            }
        }
        return out;
    }
}
