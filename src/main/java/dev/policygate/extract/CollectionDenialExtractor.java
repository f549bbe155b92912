package dev.policygate.extract;

import dev.policygate.facts.CollectionDenial;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Negative claims ({@link CollectionDenial}): a clause where we / the app, and nobody else, does not collect, access
 * or use a kind of data or a permission (我们不会收集您的位置信息, 本应用不会获取您的通讯录, 不会调用您的摄像头权限),
 * mapped to device permissions through {@code lexicon/permissions.tsv}; 任何个人信息 denies everything. The
 * negation counts only when it is unconditional within its sentence: no condition before it (未经您同意，…; 如您拒绝…，
 * 我们将不会收集), no exception after it (…，除非…), no limit on its object (与服务无关的信息, 超出…范围) and no purpose
 * that narrows it (不会使用您的位置信息用于广告).
 */
public final class CollectionDenialExtractor implements AreaExtractor {
    /** The negation, adverbs that keep it whole, the verb, then the object up to the end of the clause. */
    private static final Rx DENIAL = Rx.of("(?:不会|并不|绝不|决不|从不|不)(?:会|再|主动|也|以任何方式|以任何形式)*"
            + "(?:收集|获取|采集|访问|调用|读取|索取|申请|使用|上传)([^，,。；;！!？?：:]{1,40})");
    /** What may stand before the negation in its clause: a connective and we / the app as the subject. */
    private static final Rx OWN_SUBJECT = Rx.of("^\\s*(?:同时|此外|另外|并且|而且|且)?\\s*"
            + "(?:我们|本应用|本App|本APP|本软件|本平台|本产品|本程序|本服务|本网站|我方|我司)?\\s*(?:也|亦|均|都|将|承诺|保证|郑重承诺)*$");
    /** Earlier in the sentence: a condition the refusal depends on. */
    private static final Rx CONDITION = Rx.of("未经|除非|(?<![删清解消移排免])除|如果|如您|若|假如|倘若|一旦|拒绝|不同意|撤回|关闭|未获|未取得|征得|经您|经过您|在您"
            + "|仅在|只有|前提|之前|以前|否则|不提供|不授权|不开启|当您|取消|后[，,]");
    /** Later in the sentence: an exception to the refusal. */
    private static final Rx EXCEPTION = Rx.of("除非|除外|未经|经您|征得|获得您的|取得您的|在您|之前|以前|前提|如您|若您|如果|否则|情况下|单独同意|明示同意");
    /** In the object: it limits what is refused, or narrows it to a purpose. */
    private static final Rx LIMITED = Rx.of("无关|以外|之外|超出|超过|不必要|非必要|额外|(?<![删清解消移排免])除|用于|用作|用来|作为|作其他|作他用|其他用途|以外的|范围");
    private static final Rx EVERYTHING = Rx.of("^(?:您的|你的|用户的)?(?:任何|一切|所有)(?:您的|你的|用户的)?(?:个人)?(?:信息|数据|资料|隐私)$"
            + "|^(?:您的|你的|用户的)?个人(?:信息|数据)$");
    private static final Rx SEPARATORS = Rx.of("[，,；;：:]");

    @Override
    public List<CollectionDenial> extract(Document d) {
        List<CollectionDenial> out = new ArrayList<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            Matcher m = DENIAL.matcher(t);
            while (m.find()) {
                CollectionDenial denial = denial(t, m);
                if (denial != null) {
                    out.add(new CollectionDenial(denial.permissions(), denial.everything(), denial.denied(),
                            List.of(d.cite(s))));
                }
            }
        }
        return out;
    }

    /** The denial of one match, without its citation; null when it is conditional, limited or names nothing. */
    private static CollectionDenial denial(String t, Matcher m) {
        int clauseStart = lastSeparatorBefore(t, m.start()) + 1;
        if (!OWN_SUBJECT.find(t.substring(clauseStart, m.start())) || CONDITION.find(t.substring(0, m.start()))
                || EXCEPTION.find(t.substring(m.end(1)))) {
            return null;
        }
        String object = m.group(1).replaceFirst("^[、和及与或]?(?:收集|获取|采集|访问|调用|读取|使用|上传|存储|保存|共享|传输)?", "").strip();
        if (LIMITED.find(object)) {
            return null;
        }
        String bare = object.replaceFirst("[等。]+$", "");
        boolean everything = EVERYTHING.find(bare);
        Set<Permission> kinds = everything ? EnumSet.noneOf(Permission.class) : PermissionExtractor.termsIn(bare);
        kinds.remove(Permission.OTHER);
        if (!everything && kinds.isEmpty()) {
            return null;
        }
        return new CollectionDenial(List.copyOf(kinds), everything, bare, List.of());
    }

    private static int lastSeparatorBefore(String t, int at) {
        int last = -1;
        Matcher sep = SEPARATORS.matcher(t.substring(0, at));
        while (sep.find()) {
            last = sep.start();
        }
        return last;
    }
}
