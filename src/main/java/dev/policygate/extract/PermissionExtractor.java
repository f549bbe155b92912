package dev.policygate.extract;

import dev.policygate.facts.PermissionRequest;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device permissions ({@link PermissionRequest}) named with 权限 (相机权限, 访问相册权限 …) through
 * {@code lexicon/permissions.tsv}, or device resources used without that word (调用您的摄像头, 访问您的相册), each
 * or heading an item of a permission list ("摄像头及相册：扫一扫…，如您不开启相应权限…"), each with the purpose or business
 * function given in the same sentence.
 * One fact per (permission, purpose); a purpose-less mention is dropped when the same permission is stated
 * with a purpose elsewhere. Lines that only tell how to switch a permission off are not requests.
 */
public final class PermissionExtractor implements AreaExtractor {
    public static final String RESOURCE = "/lexicon/permissions.tsv";
    private static final LexiconFile FILE = LexiconFile.load(RESOURCE);
    private static final TermMatcher<Permission> MATCHER = build();
    /** The sentences a permission's fact quotes at most: enough to show each place that asks for it. */
    private static final int MAX_CITES = 4;
    /** Words that may stand between a permission name and 权限 (相机、相册权限, 地理位置访问权限). */
    private static final Rx GAP = Rx.of("^[、，,和及与或/（）()\\s]*(?:的|使用|访问|读取|写入|读写|调用|获取|系统)?(?:的)?$");
    private static final Rx PERMISSION_WORD = Rx.of("权限");
    private static final Rx CONSEQUENCE = Rx.of("权限(?:后|之后)[，,]?(?:您|你)?(?:即可|可以|能够|将能|便可)([^。；;]{2,40})");
    private static final Rx SWITCH_WORDS = Rx.of("关闭|撤回|取消授权|权限管理|是指|：指|:指");
    /**
     * A device resource used without the word 权限: "调用您的摄像头", "访问您的相册", "使用您设备的麦克风", "调用您的光线传感器"
     * (a sensor by any name). Only resources that are parts of the device, not kinds of information (位置信息, 照片 and
     * 网络 are collections or too vague).
     */
    private static final Rx DEVICE_ACCESS = Rx.of(
            "(?:调用|访问|使用|开启|打开|读取|请求|申请|启用|连接)(?:您|你)?(?:的)?(?:手机|设备|终端)?(?:的|上的)?"
                    + "(摄像头|相机|麦克风|话筒|相册|图库|媒体库|通讯录|蓝牙|剪切板|剪贴板|日历|\\p{IsHan}{0,4}?传感器|陀螺仪|闪光灯"
                    + "|定位功能|GPS|SD卡)");
    /**
     * A purpose or function that opens the sentence: "为保存电子证照到手机，我们需要获得存储权限", "语音搜索需要使用您设备的
     * 麦克风" (after a list number).
     */
    private static final Rx LEADING_PURPOSE = Rx.of(
            "^\\s*(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）.、．]\\s*)?(?:为(?:了)?([^，,。；;：:]{2,30})[，,]"
                    + "|([^，,。；;：:]{2,12}?)(?:功能|服务)?(?:需要|会|将)(?:使用|调用|访问|开启|读取))");
    /**
     * An item of a permission list written as "name：what it is for" ("存储：…申请获取此权限，目的是为了保存图片…",
     * "摄像头及相册：扫一扫、扫码点餐，如您不开启相应权限…"): the head, after an optional list number, is at most 12
     * characters before the colon; the item must speak of a permission (权限) after it.
     */
    private static final Rx LIST_ITEM = Rx.of(
            "^\\s*(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）.、．]\\s*)?([^，,。；;：:]{1,12})[：:]\\s*(.*权限.*)$");
    /** An item that says the permission is not asked for: "定位：我们不会申请此权限". */
    private static final Rx NOT_ASKED = Rx.of(
            "(?:我们|我方|本应用|本软件|客户端|App|APP)[^，,。；;]{0,4}(?:不会|无需|无须|不需要|不)(?:申请|获取|使用|调用|开启|请求)");
    /** Who acts, not what for: "我们会使用您的相机" names no function. */
    private static final Rx SUBJECT = Rx.of("我|您|你|App|APP|app|应用|本|客户端|软件|系统");
    /** 不会调用您的摄像头 / 无需访问相册: a denial, not a request. */
    private static final Rx DENIED = Rx.of("(?:不会|不|未|无需|无须|不需要|禁止)[^，,。；;]{0,6}$");
    private static final Rx ONLY_SWITCH_OFF = Rx.of("^(?:您可以|您也可以|您可|如您|如果您)?.{0,20}(?:关闭|撤回|取消授权)");

    private static TermMatcher<Permission> build() {
        TermMatcher<Permission> m = new TermMatcher<>();
        for (String[] row : FILE.rows()) {
            Permission p = Permission.valueOf(row[1].strip());
            for (String syn : row[0].split("\\|")) {
                m.add(syn, p);
            }
        }
        return m.seal();
    }

    public static String version() {
        return FILE.header();
    }

    /** The permissions whose lexicon terms occur in a text, with or without 权限 (您的位置信息, 通讯录). */
    static Set<Permission> termsIn(String t) {
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        for (TermMatcher.Hit<Permission> h : MATCHER.find(t)) {
            out.add(h.value());
        }
        return out;
    }

    /** The permissions named as such in a text (a lexicon term followed, after list separators, by 权限). */
    static Set<Permission> permissionsIn(String t) {
        return permissionPositions(t).keySet();
    }

    /** Each permission named in the text, with the offset just after its 权限. */
    static Map<Permission, Integer> permissionPositions(String t) {
        Map<Permission, Integer> out = new java.util.EnumMap<>(Permission.class);
        List<TermMatcher.Hit<Permission>> hits = MATCHER.find(t);
        for (int k = 0; k < hits.size(); k++) {
            TermMatcher.Hit<Permission> h = hits.get(k);
            int limit = Math.min(t.length(), h.end() + 40);
            int w = t.indexOf("权限", h.end());
            if (w < 0 || w > limit) {
                continue;
            }
            // everything between the term and 权限 must be separators or other permission terms
            int pos = h.end();
            boolean ok = true;
            for (int j = k + 1; j < hits.size() && hits.get(j).start() < w; j++) {
                if (!GAP.matcher(t.substring(pos, hits.get(j).start())).matches()) {
                    ok = false;
                    break;
                }
                pos = hits.get(j).end();
            }
            if (ok && GAP.matcher(t.substring(pos, w)).matches()) {
                int at = w + 2;
                out.merge(h.value(), at, (a, b) -> ownPurpose(t, a) == null && ownPurpose(t, b) != null ? b : a);
            }
        }
        return out;
    }

    /**
     * The permissions of a list item's head when it is nothing but permission terms and separators ("摄像头及相册",
     * "位置权限"), each with {@code after}; else none.
     */
    private static Map<Permission, Integer> named(String head, int after) {
        Map<Permission, Integer> out = new java.util.EnumMap<>(Permission.class);
        int pos = 0;
        for (TermMatcher.Hit<Permission> h : MATCHER.find(head)) {
            if (!GAP.matcher(head.substring(pos, h.start())).matches()) {
                return Map.of();
            }
            out.putIfAbsent(h.value(), after);
            pos = h.end();
        }
        String rest = head.substring(pos).replaceFirst("权限$", "");
        return GAP.matcher(rest).matches() ? out : Map.of();
    }

    /** The device resources the text uses without naming a permission, each with the offset after its name. */
    static Map<Permission, Integer> deviceAccess(String t) {
        Map<Permission, Integer> out = new java.util.EnumMap<>(Permission.class);
        Matcher m = DEVICE_ACCESS.matcher(t);
        while (m.find()) {
            if (DENIED.find(t.substring(Math.max(0, m.start() - 8), m.start()))) {
                continue;
            }
            for (TermMatcher.Hit<Permission> h : MATCHER.find(m.group(1))) {
                out.putIfAbsent(h.value(), m.end());
            }
        }
        return out;
    }

    private static final Rx OWN_PURPOSE = Rx.of(
            "^\\s*(?:主要)?(?:用于|便于|用以|是为了|以便|为了|目的是)([^，,。；;]{2,40})");

    /** A purpose stated right after "X权限" (相册权限用于…), or null. */
    private static String ownPurpose(String t, int after) {
        if (after > t.length()) {
            return null;
        }
        Matcher m = OWN_PURPOSE.matcher(t.substring(after));
        return m.find() ? m.group(1).strip() : null;
    }

    @Override
    public List<PermissionRequest> extract(Document d) {
        // one fact per permission and purpose, citing the sentences that state it
        Map<Stated, List<Sentence>> stating = new LinkedHashMap<>();
        Map<Permission, Stated> firstWithPurpose = new java.util.EnumMap<>(Permission.class);
        List<Sentence> ss = d.sentences();
        for (int i = 0; i < ss.size(); i++) {
            Sentence s = ss.get(i);
            String t = s.text();
            if (ClauseText.isExceptionItem(t)) {
                continue;
            }
            Map<Permission, Integer> ps = PERMISSION_WORD.find(t) ? permissionPositions(t) : Map.of();
            if (ps.isEmpty()) {
                ps = deviceAccess(t);
            }
            String listed = null; // what a permission list's item says after its name
            if (ps.isEmpty()) {
                Matcher item = LIST_ITEM.matcher(t);
                if (item.matches() && !DENIED.find(item.group(1)) && !NOT_ASKED.find(item.group(2))) {
                    ps = named(item.group(1), item.end(1) + 1);
                    listed = item.group(2);
                }
            }
            if (ps.isEmpty()) {
                continue;
            }
            String purpose = ClauseText.purpose(t);
            if (purpose == null && listed != null && !listed.startsWith("当") && !listed.startsWith("如")) {
                purpose = ClauseText.trimClause(listed.split("[，,。；;]", 2)[0]);
            }
            if (purpose != null && PERMISSION_WORD.find(purpose)) {
                purpose = null;
            }
            if (purpose == null) {
                String f = ClauseText.function(t);
                if (f != null && !PERMISSION_WORD.find(f)) {
                    purpose = f;
                }
            }
            if (purpose == null) {
                Matcher lead = LEADING_PURPOSE.matcher(t);
                if (lead.lookingAt() && (lead.group(1) != null || !SUBJECT.find(lead.group(2)))) {
                    purpose = (lead.group(1) != null ? lead.group(1) : lead.group(2)).strip();
                }
            }
            if (purpose == null) {
                Matcher c = CONSEQUENCE.matcher(t);
                if (c.find()) {
                    purpose = ClauseText.trimClause(c.group(1));
                }
            }
            if (purpose == null && (ONLY_SWITCH_OFF.find(t.strip()) || SWITCH_WORDS.find(t))) {
                continue;
            }
            for (Map.Entry<Permission, Integer> e : ps.entrySet()) {
                Permission p = e.getKey();
                String own = ownPurpose(t, e.getValue());
                Stated key = new Stated(p, own != null ? own : purpose);
                if (key.purpose() != null) {
                    firstWithPurpose.putIfAbsent(p, key);
                }
                List<Sentence> at = stating.computeIfAbsent(key, k -> new ArrayList<>());
                if (!at.contains(s)) {
                    at.add(s);
                }
            }
        }
        // a permission named without a purpose where another sentence gives it one: a further citation of the
        // first fact with a purpose (after that fact's own sentences), not a fact of its own
        for (Permission p : firstWithPurpose.keySet()) {
            List<Sentence> bare = stating.remove(new Stated(p, null));
            if (bare != null) {
                List<Sentence> into = stating.get(firstWithPurpose.get(p));
                bare.stream().filter(x -> !into.contains(x)).forEach(into::add);
            }
        }
        List<PermissionRequest> out = new ArrayList<>();
        stating.forEach((k, at) -> out.add(new PermissionRequest(k.permission(), k.purpose(),
                ClauseText.cites(d, at, MAX_CITES))));
        return out;
    }

    /** A permission and the purpose a sentence gives it (null for none). */
    private record Stated(Permission permission, String purpose) {
    }
}
