package dev.policygate.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds in-app navigation paths in a sentence (我的＞设置＞注销账户, “我的”->“关于”, “APP-我的-设置”, 依次点击“我的”、“设置”)
 * and writes them in one canonical form: the steps without quotes joined by {@code ＞}.
 */
public final class InAppPath {
    private static final Pattern NAV_VERB = Pattern.compile("点击|进入|选择|打开|前往|找到");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private InAppPath() {
    }

    /** A path found in a text: its span in that text and its canonical form. */
    public record Found(int start, int end, String path) {
    }

    private static final String Q_OPEN = "“\"「『【‘'";
    private static final String SEG = "(?:[“\"「『【‘'][^”\"」』】’'\\n，。；]{1,16}[”\"」』】’']|[\\p{IsHan}A-Za-z0-9]{1,16})";
    private static final String SEP = "\\s{0,2}(?:＞|>|→|->|—>|=>|》|›|－|-|/|／|—|—|＝>)\\s{0,2}";
    private static final Rx CHAIN = Rx.of(SEG + "(?:" + SEP + SEG + "){1,7}");
    private static final Rx STRONG_SEP = Rx.of("＞|>|→|›|》");
    private static final Rx UI_WORD = Rx.of(
            "设置|我的|^我$|中心|管理|隐私|账号|帐号|账户|帐户|首页|更多|反馈|客服|注销|权限|个人|资料|安全|帮助|关于|APP|App|app|菜单");
    private static final Rx LEAD_CUT = Rx.of(
            "^.*(?:您可以在|您可在|可以在|可在|请在|进入|通过|点击|打开|前往|路径为|路径是|入口为|入口是|选择|依次|位于|在(?!线))");
    private static final Rx TAIL_CUT = Rx.of(
            "(?:(?:页面|模块|界面|进行|即可|申请|操作|查看|删除|注销您|修改您|更正您|关闭|开启|联系|与我们).*|[中里内])$");
    private static final Rx CLICK_TARGET = Rx.of(
            "(?:点击|点选|进入|选择|打开|前往|找到|依次点击|轻点|单击)\\s{0,2}(?:[^“\"「『【，。；]{0,8}?)([“\"「『【][^”\"」』】\\n，。；]{1,16}[”\"」』】])((?:\\s{0,2}[、,，及和与]?\\s{0,2}[“\"「『【][^”\"」』】\\n，。；]{1,16}[”\"」』】]){0,6})");
    private static final Rx QUOTED = Rx.of("[“\"「『【]([^”\"」』】\\n，。；]{1,16})[”\"」』】]");
    private static final Rx SINGLE = Rx.of(
            "(?:路径为|路径是|入口为|入口是|在|通过|进入|点击|前往|打开)\\s{0,2}[：:]?\\s{0,2}[“\"「『【]([^”\"」』】\\n，。；《》]{1,14})[”\"」』】]");
    /** An unquoted app screen after 在/进入/访问 (访问我的中访问…, 在个人中心内删除). */
    private static final Rx BARE = Rx.of(
            "(?:通过|在|进入|访问|打开)\\s{0,2}(?:APP|App|app|客户端)?(?:的)?(我的|个人中心|个人设置|账号设置|账户设置|帐号设置|隐私设置|账号管理|帐号管理)(?:中|里|内|页面|页|栏目|模块|功能)");
    private static final Rx NOT_UI = Rx.of("政策|协议|规则|指引|声明|我们|您|同意|不同意|以下|简称|如何|^[（(][一二三四五六七八九十0-9]|、");

    /** The first multi-step path in {@code text}, or null. */
    public static Found chain(String text) {
        Matcher m = null;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i < from || "＞>→》›－-/／—".indexOf(text.charAt(i)) < 0) {
                continue;
            }
            if (m == null) {
                m = CHAIN.matcher(text);
            }
            // a chain holding this separator starts at most ~20 characters before it
            m.region(Math.max(from, i - 20), Math.min(text.length(), i + 160));
            while (m.find()) {
                if (m.start() > i) {
                    break;
                }
                Found f = accept(text, m.start(), m.end());
                if (f != null) {
                    return f;
                }
                from = Math.max(from, m.end());
            }
            from = Math.max(from, i + 1);
        }
        return null;
    }

    private static Found accept(String text, int start, int end) {
        String span = text.substring(start, end);
        String[] raw = span.split(SEP, -1);
        // split by separators but keep quoted segments intact (separators never occur inside them in practice)
        List<String> segs = new ArrayList<>();
        boolean quoted = false;
        int han = 0;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].strip();
            boolean q = !s.isEmpty() && Q_OPEN.indexOf(s.charAt(0)) >= 0;
            if (q) {
                quoted = true;
                s = s.substring(1, s.length() - 1).strip();
            } else {
                if (i == 0) {
                    s = LEAD_CUT.matcher(s).replaceFirst("");
                }
                if (i == raw.length - 1) {
                    for (int k = 0; k < 3; k++) {
                        String cut = TAIL_CUT.matcher(s).replaceFirst("");
                        if (cut.length() < 2 || cut.equals(s)) {
                            break;
                        }
                        s = cut;
                    }
                }
            }
            if (s.isEmpty() || s.length() > 14 || NOT_UI.find(s)) {
                return null;
            }
            if (s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                han++;
            }
            segs.add(s);
        }
        while (segs.size() > 2 && NAV_VERB.matcher(segs.get(segs.size() - 1)).matches()) {
            segs.remove(segs.size() - 1);
        }
        if (segs.size() < 2 || han < 2 || segs.stream().allMatch(s -> DIGITS.matcher(s).matches())) {
            return null;
        }
        boolean strong = STRONG_SEP.find(span);
        boolean ui = segs.stream().anyMatch(s -> UI_WORD.find(s));
        if (!(strong ? (ui || quoted || segs.size() >= 3) : (ui && (quoted || segs.size() >= 2)))) {
            return null;
        }
        if (!strong && (segs.stream().anyMatch(s -> s.length() > 10)
                || !quoted && !UI_WORD.find(segs.get(0)))) {
            return null;
        }
        // shrink the span to start at the first kept segment for a tight quote
        int s0 = text.indexOf(segs.get(0), start);
        int realStart = s0 >= 0 && s0 < end ? s0 : start;
        if (realStart > start && Q_OPEN.indexOf(text.charAt(realStart - 1)) >= 0) {
            realStart--;
        }
        String last = segs.get(segs.size() - 1);
        int l0 = text.lastIndexOf(last, end);
        int realEnd = l0 >= realStart ? l0 + last.length() : end;
        if (realEnd < end && "”\"」』】’'".indexOf(text.charAt(realEnd)) >= 0) {
            realEnd++;
        }
        return new Found(realStart, realEnd, String.join("＞", segs));
    }

    /** Quoted UI targets after click verbs, in order (点击“我的”、“设置”). */
    public static List<Found> clickTargets(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = CLICK_TARGET.matcher(text);
        while (m.find()) {
            Matcher q = QUOTED.matcher(text);
            q.region(m.start(1), m.end(2) < 0 ? m.end(1) : Math.max(m.end(1), m.end(2)));
            while (q.find()) {
                String t = q.group(1).strip();
                if (!t.isEmpty() && !NOT_UI.find(t)) {
                    out.add(new Found(q.start(), q.end(), t));
                }
            }
        }
        return out;
    }

    /** Any path: a multi-step chain, several click targets, or one quoted UI element after 路径为/在/通过/进入. */
    public static Found any(String text) {
        Found c = chain(text);
        if (c != null) {
            return c;
        }
        List<Found> clicks = clickTargets(text);
        if (!clicks.isEmpty()) {
            return new Found(clicks.get(0).start(), clicks.get(clicks.size() - 1).end(),
                    String.join("＞", clicks.stream().map(Found::path).toList()));
        }
        Matcher m = SINGLE.matcher(text);
        Found bare = null;
        Matcher b = BARE.matcher(text);
        if (b.find()) {
            bare = new Found(b.start(1), b.end(1), b.group(1));
        }
        while (m.find()) {
            String t = m.group(1).strip();
            if (!NOT_UI.find(t) && t.codePoints().anyMatch(
                    cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                return new Found(m.start(1) - 1, m.end(1) + 1, t);
            }
        }
        return bare;
    }
}
