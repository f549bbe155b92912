package dev.policygate.extract;

import dev.policygate.facts.Contact;
import dev.policygate.facts.Contact.Channel;
import dev.policygate.facts.Contact.Owner;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact channels: emails; phone numbers (400/800 numbers, landlines with area code, mobiles, and short service
 * numbers such as 12345 or 95588 right after a phone label) in sentences that label them as contact; fax numbers after
 * 传真; postal addresses after 注册地址/办公地址/联系地址/地址/所在地/寄至 with a colon; websites in contact sentences
 * (never a third party's or an SDK's link); in-app feedback paths (我的＞意见反馈, “在线客服”). A number or
 * name inside a URL is not a contact. The owner is {@code PROTECTION_OFFICER} when the sentence itself names the
 * personal-information protection officer/department, or when it follows a label line for it
 * (个人信息保护负责人联系方式：); otherwise {@code HANDLER}. Deduplicated by (channel, normalised value, owner):
 * one fact per contact, citing every sentence that states it.
 */
public final class ContactExtractor implements AreaExtractor {
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[。；;，,：:]+$");
    private static final Pattern NON_DIGIT = Pattern.compile("[^0-9]");
    /**
     * An address names a number or a unit, or is a whole administrative path to a building ("北京市海淀区中国卫星通信大厦":
     * a city and a district before a named building is a deliverable address without a number).
     */
    private static final Pattern HAS_NUMBER_OR_UNIT = Pattern.compile(
            ".*(?:[0-9０-９]|[号楼座室层]|[省市].{0,6}[区县].{1,20}(?:大厦|大楼|广场)).*");
    private static final Pattern FROM_FIRST_DIGIT = Pattern.compile("[0-9０-９].*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.。,，]+$");
    private static final Pattern URL_SCHEME = Pattern.compile("^https?://");
    private static final Pattern SECTION_WORD_AFTER = Pattern.compile("^(?:章节|部分|一节|节|条).*");
    static final LexiconFile L = LexiconFile.load("lexicon/contacts.tsv");

    private static final Rx EMAIL = Rx.of(
            "(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9][A-Za-z0-9._%+\\-]{0,63}@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,10}");
    private static final Rx PHONE = Rx.of(
            "(?<![0-9A-Za-z])(?:(?:400|800)[\\-\\s－]?[0-9]{3}[\\-\\s－]?[0-9]{4}"
                    + "|[（(]?0[1-9][0-9]{1,2}[）)]?[\\-\\s－—]?[0-9]{7,8}(?:[\\-－转][0-9]{1,5})?"
                    + "|1[3-9][0-9][\\-\\s]?[0-9]{4}[\\-\\s]?[0-9]{4})(?![0-9])");
    private static final Rx SHORT_PHONE = Rx.of(
            "(?:电话|热线|客服|致电|拨打|联系方式|服务号|专线)[^0-9。；，,]{0,6}?[：:“\"「为是\\s]{0,3}((?<![0-9])(?:10[0-9]{6}|1[0-9]{4}|9[0-9]{4,5})(?![0-9]))");
    private static final Rx URL = Rx.of(
            "(?:https?://|www\\.)[A-Za-z0-9./?=&%_~#:+\\-]+|[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.(?:com|cn|net|org|gov\\.cn|com\\.cn)(?:/[A-Za-z0-9./?=&%_~#:+\\-]*)?");
    // after 寄至 and the like an ASCII comma too: text converted from web pages writes a space as ","
    private static final Rx ADDRESS = Rx.of(
            "(?<![A-Za-z件箱络页网IP])(?:" + L.get("ADDRESS_LABEL").pattern() + ")(?:为|是|位于|在)?\\s{0,2}[：:]\\s{0,2}([\\p{IsHan}][^，,。；;！!\\n]{3,70})"
                    + "|(?:寄至|寄往|邮寄至|邮寄到|寄送至|位于)\\s{0,2}[：:,]?\\s{0,2}([\\p{IsHan}][^，,。；;！!\\n]{5,70})");
    /**
     * A line that announces the address on the next line ("…或寄到如下地址：", "邮寄至：", "您也可以通过如下联络方式同我们联系：");
     * what follows is an address only if it reads as one.
     */
    private static final Rx ADDRESS_LABEL_LINE = Rx.of(
            "(?:地址|寄到|寄至|寄往|邮寄至|邮寄到)[^。；，,]{0,6}[：:]\\s*$|(?:以下|如下)联[系络]方式[^。；]{0,12}[：:]\\s*$");
    /**
     * An announced line is an address only with a province or a city and none of the numbers that are no address
     * ("进入“我的—设置—账号与安全”", "收货人姓名、手机号、所在省市区及详细地址").
     */
    private static final Rx ANNOUNCED_ADDRESS_CHECK = Rx.of("^(?!.*(?:账号|帐号|手机号|门牌号|设置)).*[省市]");
    /** What an address announced on the line before is read as. */
    private static final String ANNOUNCED_ADDRESS = "地址：";
    private static final Rx ADDRESS_END = Rx.of(
            "(?:邮编|邮政编码|收件人|联系人|联系电话|电话|我们|如您|您可|，|,|（(?:邮编|收)).*$");
    private static final Rx FEEDBACK_QUOTED = Rx.of(
            "[“\"「【]([^”\"」】\\n，。；]{0,12}(?:反馈|客服|意见|帮助|联系我们|投诉|举报)[^”\"」】\\n，。；]{0,8})[”\"」】]");
    private static final Rx ONLINE = Rx.of(L.get("ONLINE_SERVICE").pattern());
    private static final Rx CONTACT_VERB = Rx.of("通过|联系|拨打|提交|留言|咨询|向我们|进入|点击");
    private static final Rx ADDRESS_HINT = Rx.of("地址|所在地|住所|寄|位于|地点");
    static final Rx FOLLOWS = Rx.of("联系方式|如下|以下方式|下列方式|以下途径|下述方式");
    private static final Rx LABEL_LINE = Rx.of("[：:]\\s*$");

    /** A contact found in a piece of text. */
    record Found(Channel channel, String value, String key, int start, int end) {
    }

    @Override
    public List<Contact> extract(Document d) {
        ClauseText.Grouped<List<Object>> g = new ClauseText.Grouped<>();
        List<Sentence> ss = d.sentences();
        int officerLabelUntil = -1;
        for (int i = 0; i < ss.size(); i++) {
            Sentence s = ss.get(i);
            String t = s.text();
            boolean officerHere = isOfficerMention(t);
            if (officerHere && (LABEL_LINE.find(t) || FOLLOWS.find(t))) {
                officerLabelUntil = i + 4;
            } else if (ClauseText.isHeadingLine(d, s)) {
                officerLabelUntil = -1;
            }
            List<Found> found = ClauseText.contacts(d, s);
            if (found.isEmpty()) {
                continue;
            }
            boolean officer = officerHere || i <= officerLabelUntil;
            for (Found f : found) {
                Owner o = officer && f.channel() != Channel.FEEDBACK_PATH ? Owner.PROTECTION_OFFICER : Owner.HANDLER;
                if (o == Owner.PROTECTION_OFFICER && !officerHere && ownerCustomerService(t, f)) {
                    o = Owner.HANDLER;
                }
                g.add(List.of(f.channel(), f.key(), o, f.value()), d.cite(s));
            }
        }
        return g.build((k, c) -> new Contact((Channel) k.get(0), (String) k.get(3), (Owner) k.get(2), c));
    }

    private static boolean ownerCustomerService(String t, Found f) {
        int from = Math.max(0, f.start() - 8);
        return L.find("CUSTOMER_SERVICE", t.substring(from, f.start()));
    }

    /** Whether the sentence names the protection officer/department outside a list of possible policy changes. */
    static boolean isOfficerMention(String t) {
        return L.find("OFFICER_HINT", t) && L.find("OFFICER", t) && !isChangeListItem(t);
    }

    static boolean isChangeListItem(String t) {
        String x = TRAILING_PUNCTUATION.matcher(t.strip()).replaceAll("");
        return L.find("CHANGE_LIST", x);
    }

    /**
     * The contacts of a line that follows {@code previous}: where {@code previous} announces an address
     * ({@link #ADDRESS_LABEL_LINE}) and the line holds none of its own, the line read as that address.
     */
    static List<Found> findAfter(String previous, String t) {
        List<Found> own = find(t);
        if (previous == null || !ADDRESS_LABEL_LINE.find(previous)
                || own.stream().anyMatch(f -> f.channel() == Channel.POSTAL_ADDRESS)) {
            return own;
        }
        List<Found> out = new ArrayList<>(own);
        int shift = ANNOUNCED_ADDRESS.length();
        for (Found f : find(ANNOUNCED_ADDRESS + t)) {
            if (f.channel() == Channel.POSTAL_ADDRESS && f.start() >= shift
                    && ANNOUNCED_ADDRESS_CHECK.find(f.value())) {
                out.add(new Found(f.channel(), f.value(), f.key(), f.start() - shift, f.end() - shift));
            }
        }
        return out;
    }

    /** All contacts in {@code t}, in text order. */
    static List<Found> find(String t) {
        List<Found> out = new ArrayList<>();
        boolean digit = false;
        boolean latin = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            digit |= c >= '0' && c <= '9';
            latin |= c >= 'A' && c <= 'z';
        }
        boolean contactContext = L.find("CONTACT_CONTEXT", t);
        if (!digit && !latin && !contactContext && !ADDRESS_HINT.find(t)) {
            return out;
        }
        List<int[]> urls = new ArrayList<>();
        Matcher u = URL.matcher(latin ? t : "");
        while (u.find()) {
            urls.add(new int[] {u.start(), u.end()});
        }
        boolean thirdParty = L.find("THIRD_PARTY_CONTEXT", t) && !L.find("OURS", t);
        Matcher e = EMAIL.matcher(t.indexOf('@') >= 0 ? t : "");
        while (e.find()) {
            if (!thirdParty) {
                out.add(new Found(Channel.EMAIL, e.group(), e.group().toLowerCase(Locale.ROOT), e.start(), e.end()));
            }
        }
        boolean phoneLabel = L.find("PHONE_LABEL", t) && L.find("CONTACT_CONTEXT", t);
        Matcher p = PHONE.matcher(digit ? t : "");
        while (p.find()) {
            if (!phoneLabel || thirdParty || inside(urls, p.start()) || inside(emailSpans(t), p.start())) {
                continue;
            }
            String before = t.substring(Math.max(0, p.start() - 8), p.start());
            Channel ch = L.find("FAX_LABEL", before) ? Channel.FAX : Channel.PHONE;
            String v = p.group().strip();
            int vs = p.start();
            if ((v.startsWith("（") || v.startsWith("(")) && !v.contains("）") && !v.contains(")")) {
                v = v.substring(1);
                vs++;
            }
            out.add(new Found(ch, v, NON_DIGIT.matcher(v).replaceAll(""), vs, p.end()));
        }
        Matcher sp = SHORT_PHONE.matcher(digit ? t : "");
        while (sp.find()) {
            if (thirdParty || inside(urls, sp.start(1))) {
                continue;
            }
            out.add(new Found(Channel.PHONE, sp.group(1), sp.group(1), sp.start(1), sp.end(1)));
        }
        Matcher a = ADDRESS.matcher(ADDRESS_HINT.find(t) ? t : "");
        while (a.find()) {
            int gi = a.group(1) != null ? 1 : 2;
            String v = ADDRESS_END.matcher(a.group(gi)).replaceFirst("").strip();
            v = cutUnbalanced(v);
            if (v.length() < 6 || !L.find("ADDRESS_MARK", v) || !HAS_NUMBER_OR_UNIT.matcher(v).matches()
                    || thirdParty || L.find("NOT_ADDRESS", v)
                    || L.find("NOT_ADDRESS_TAIL", FROM_FIRST_DIGIT.matcher(v).replaceAll(""))) {
                continue;
            }
            int vs = t.indexOf(v, a.start(gi));
            out.add(new Found(Channel.POSTAL_ADDRESS, v, WHITESPACE.matcher(v).replaceAll(""), vs, vs + v.length()));
        }
        if (contactContext && !thirdParty) {
            List<int[]> mails = emailSpans(t);
            for (int[] span : urls) {
                if (inside(mails, span[0]) || span[0] > 0 && t.charAt(span[0] - 1) == '@') {
                    continue;
                }
                String url = TRAILING_DOTS.matcher(t.substring(span[0], span[1])).replaceAll("");
                if (url.contains("@") || !L.find("WEBSITE_CONTEXT", t)) {
                    continue;
                }
                String before = t.substring(Math.max(0, span[0] - 12), span[0]);
                if (L.find("DOCUMENT_LINK", before)) {
                    continue;
                }
                out.add(new Found(Channel.WEBSITE, url, URL_SCHEME.matcher(url.toLowerCase(Locale.ROOT)).replaceFirst("")
                        .replaceAll("/$", ""), span[0], span[0] + url.length()));
            }
            InAppPath.Found path = InAppPath.any(t);
            boolean collecting = L.find("COLLECTING", t);
            if (path != null && L.find("FEEDBACK", path.path()) && !collecting) {
                out.add(new Found(Channel.FEEDBACK_PATH, path.path(), path.path(), path.start(), path.end()));
            } else {
                Matcher fq = FEEDBACK_QUOTED.matcher(t);
                if (collecting) {
                    // a sentence about collecting data for a feedback feature is not a contact statement
                } else if (fq.find() && !L.find("NOT_FEEDBACK_NAME", fq.group(1))
                        && !SECTION_WORD_AFTER.matcher(t.substring(fq.end())).matches()) {
                    String v = fq.group(1).strip();
                    out.add(new Found(Channel.FEEDBACK_PATH, v, v, fq.start(), fq.end()));
                } else {
                    Matcher on = ONLINE.matcher(t);
                    if (on.find() && CONTACT_VERB.find(t)) {
                        out.add(new Found(Channel.FEEDBACK_PATH, on.group(), on.group(), on.start(), on.end()));
                    }
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return ClauseText.distinct(out, f -> f.channel() + "|" + f.key());
    }

    /** Cuts an address before a closing parenthesis that it did not open (…03号）所有的…). */
    static String cutUnbalanced(String v) {
        int depth = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                if (depth == 0) {
                    return v.substring(0, i).strip();
                }
                depth--;
            }
        }
        if (depth > 0) {
            int open = Math.max(v.lastIndexOf('（'), v.lastIndexOf('('));
            return v.substring(0, open).strip();
        }
        return v.strip();
    }

    private static List<int[]> emailSpans(String t) {
        List<int[]> l = new ArrayList<>();
        Matcher e = EMAIL.matcher(t.indexOf('@') >= 0 ? t : "");
        while (e.find()) {
            l.add(new int[] {e.start(), e.end()});
        }
        return l;
    }

    private static boolean inside(List<int[]> spans, int pos) {
        for (int[] s : spans) {
            if (pos >= s[0] && pos < s[1]) {
                return true;
            }
        }
        return false;
    }
}
