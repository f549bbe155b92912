package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.SharingClause;
import dev.policygate.facts.SharingClause.Kind;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Clauses about providing PI to others ({@link SharingClause}), one fact per kind with up to three citing
 * sentences: sharing on conditions, no sharing, consent before sharing, public disclosure (with consent /
 * never), transfer on merger, entrusted processing and how processors are bound.
 */
public final class SharingExtractor implements AreaExtractor {
    private static final int MAX_CITES = 3;

    /** 提供给 that is not "…可以提供给我们的信息" (data coming in); 分享 as the handler's verb (与…分享您的, 分享、转让您的). */
    private static final Rx SHARE = Rx.of("共享|对外提供|提供给(?!(?:我们|我方)(?!的?(?:关联|合作|第三方|服务商|供应商|受托))|您|你)|分享给|向第三方提供|向[^，。；]{1,20}提供您的"
            + "|(?:与|向)[^，。；]{1,20}分享(?:您|你)的|分享(?:、(?:转让|披露|提供))*(?:您|你)的");
    private static final Rx CONDITIONS = Rx.of(
            "仅在以下|仅会在以下|在以下情[形况]|以下情[形况]下|下列情[形况]|基于以下情[形况]|除以下|但以下情[形况]除外|仅会出于|只会共享|仅共享|仅会共享|除非|我们会与.{0,20}共享|我们可能会?(?:与|向|将)"
                    // 除…外，我们目前不会…共享 (not "除此之外，您理解并同意…")
                    + "|除[^，。；]{1,20}(?:外|之外)[，,][^。；]{0,12}不会"
                    // necessity as the condition: 只有共享您的信息，才能提供您需要的服务
                    + "|(?:只有|唯有|仅有|只在|仅在|仅当)[^。；]{0,20}(?:共享|对外提供|提供给|分享给|向[^。；]{1,20}提供)[^。；]{0,30}?才(?:能|可|会)");
    private static final Rx NO_SHARE = Rx.of(
            "(?:不会|不|绝不|从不)(?:与|向|将您的[^，。；]{0,12}(?:提供|共享)给)?(?:任何)?(?:第三方|其他|任何|外部)[^，。；]{0,20}(?:共享|提供|分享|出售)");
    /** Words that turn a "we do not share" into a rule with exceptions, or hedge it (原则上). */
    private static final Rx NO_SHARE_ESCAPE = Rx.of("除|但|除非|例外|以下|仅|只|经|未经|在.{0,10}(?:同意|授权)|如确需|如必须|如需|确需|必须公开|原则上");
    /** The lead of an exception list ("但以下情形除外：") is read; its items are not. */
    private static final Rx EXCEPTIONS_LEAD = Rx.of("除外");
    /** Consent to a transfer (转让) is the merger case, not consent before sharing. */
    private static final Rx TRANSFER = Rx.of("转让");
    private static final Rx AGREE = Rx.of("同意");
    private static final Rx CASES_FOLLOW = Rx.of("以下情");
    /** A heading's question (我们如何委托处理) or the handler as the one entrusted (作为受托方, 受委托). */
    private static final Rx NOT_OUR_ENTRUSTING = Rx.of("如何|受委托|作为受托方");
    /** How a recipient is bound: by a requirement, a signed agreement or supervision. */
    /** How a recipient is bound: by a requirement, a signed agreement or supervision ("约定的情形" is no agreement). */
    private static final Rx BINDING_ACT = Rx.of("要求|签署|签订|约定(?!的?(?:情形|情况|场景|范围|用途)|之外|以外)|监督");
    private static final Rx CONSENT = Rx.of(
            "(?:征得|征求)(?:您|你)?的?(?:单独|明确|明示|书面)?(?:授权)?(?:同意|授权)|获得(?:您|你)?的?(?:单独|明确|明示)?(?:同意|授权)|取得(?:您|你)?的?(?:单独|明确|明示)?(?:同意|授权)|经(?:过)?(?:您|你)?的?(?:单独|明确|明示|书面)?(?:同意|授权|许可)|事先(?:征得|获得|取得)|单独同意|明确同意|明示同意|除非(?:您|你)明确授权|(?:您|你)同意后|(?:您|你)授权后|(?:您|你)的授权|另行(?:征得|征求|获取|取得)");
    private static final Rx NO_CONSENT_NEEDED = Rx.of("无需|不需要|不必|无须");
    private static final Rx DISCLOSE = Rx.of("公开披露");
    private static final Rx DISCLOSE_NEVER = Rx.of("(?:不会|不|绝不)(?:主动|擅自|对外)?(?:将您的[^，。；]{0,12})?(?:进行)?公开披露|(?:不会|不|绝不)(?:主动|擅自|对外)?公开(?:您|你)?的?个人信息");
    /**
     * Public disclosure said without 披露, as the handler's act: 我们, a modal right before 公开 and the user's data
     * after it ("我们仅会在以下情况下，才会公开您的个人信息：", "我们不会公开你的个人信息，除非…"), or "如需公开，…"; what a
     * user publishes ("当您发布动态时，可能会公开您的位置") is not it.
     */
    private static final Rx DISCLOSE_OURS = Rx.of("我们[^。；]{0,16}(?:会|将|才)(?:主动|擅自|对外)?公开(?:您|你)|(?:如需|确需)公开[，,]");
    /**
     * A list of the only cases of disclosure in the policy's public-disclosure place ("我们仅会在以下情况披露您的个人信息：
     * （1）在获得您的明确同意之后；（2）…公开披露"): its consent item is the consent asked.
     */
    private static final Rx DISCLOSE_CASES = Rx.of("(?:仅|只)会?在以下情[况形][^。；：:]{0,40}(?:公开|披露)(?:您|你)的");
    /** The only cases of 披露 that also share or transfer, or disclose to third parties, are the sharing cases. */
    private static final Rx NOT_PUBLIC_CASES = Rx.of("共享|转让|提供|第三方|合作");
    private static final Rx MERGER = Rx.of("合并|分立|收购|资产转让|并购|重组|破产|解散");
    private static final Rx MERGER_BOUND = Rx.of("继续受|约束|重新(?:向您)?(?:征求|征得|获取|取得)|告知您?接收方|接收方的名称|继续履行|新的持有"
            // the successor named by its role, then what binds it: "要求继受方保护…", "要求新的处理者继续保护…"
            + "|(?:继受方|接收方|继任|新的(?:公司|组织|主体|处理者|控制者|管理者|运营者))[^，。；]{0,30}(?:继续|保护(?:您|你)|遵守)");
    /** A merger sentence that moves PI: the commitment that binds the recipient may follow it. */
    private static final Rx MERGER_MOVES_PI = Rx.of(
            "(?:个人信息|信息|数据)[^。；]{0,16}(?:转移|转让|移交|转给)|(?:转移|转让|移交|转给)[^。；]{0,12}(?:个人信息|信息|数据)");
    /** 合并 that merges accounts or reports, not companies. */
    private static final Rx NOT_MERGER = Rx.of("合并[^，。；]{0,3}(?:账号|帐号|账户|帐户)|合并(?:报表|使用|计算)|(?:账号|帐号|账户|帐户)合并");
    /** The recipient under a policy of its own is not bound by ours ("…受其他隐私政策约束之前通知您"). */
    private static final Rx OTHER_POLICY = Rx.of("其他[^，。；]{0,6}政策|其自身的?[^，。；]{0,4}政策");
    /** How many sentences after a merger sentence its commitment may follow ("在发生前述变更时，我们将要求继受方…"). */
    private static final int MERGER_FOLLOW = 2;
    private static final Rx ENTRUSTED = Rx.of(
            "委托(?!书)|受托|代表我们(?:来)?处理|代为处理|按照我们的(?:说明|要求|指示|委托)(?:来)?处理|为我们(?:提供|处理)|数据处理者|供应商|服务提供商");
    private static final Rx ENTRUSTED_STRICT = Rx.of(
            "委托处理|委托[^，。；]{0,25}(?:处理|代表我们|代为)|受托|代表我们(?:来)?处理|代为处理|按照我们的(?:说明|要求|指示|委托)(?:来)?处理");
    private static final Rx DISCLOSE_ACT = Rx.of(
            "(?:会|将|才会|仅会|可能会|才|需要|必须|如需|如必须)(?:[^，。；]{0,12})公开披露|公开披露(?:时|前|您的|个人信息|：|:)"
                    + "|进行[^，。；]{0,6}公开披露");
    private static final Rx NOT_DISCLOSURE_CLAUSE = Rx.of("未经授权|防止|儿童|未成年|父母|监护人|例外|无需");
    private static final Rx GUARDIAN = Rx.of("父母|监护人|儿童|未成年");
    private static final Rx BOUND = Rx.of(
            "签署|签订|订立|约定|协议|协定|合同|监督|审计|按照我们的(?:说明|要求|指示)|遵守.{0,12}(?:保密|规定|要求|义务|措施)|保密义务|保密措施|数据保护措施|约束");
    private static final Rx PARTNER = Rx.of("第三方|合作|受托|委托|接收方|处理者|供应商|服务商|公司、组织|他们|其");

    private static final Rx SHARE_UNLESS = Rx.of("共享[^。]*除非您.{0,6}(?:同意|授权)");
    @Override
    public List<SharingClause> extract(Document d) {
        Map<Kind, List<Sentence>> hits = new EnumMap<>(Kind.class);
        List<Sentence> all = d.sentences();
        for (int i = 0; i < all.size(); i++) {
            Sentence s = all.get(i);
            String t = s.text();
            if (ClauseText.isExceptionItem(t) && !EXCEPTIONS_LEAD.find(t)) {
                continue;
            }
            boolean noConsentNeeded = NO_CONSENT_NEEDED.find(t);
            boolean share = SHARE.find(t);
            if (share) {
                boolean no = NO_SHARE.find(t);
                if (no && !NO_SHARE_ESCAPE.find(t)) {
                    add(hits, Kind.NO_SHARING, s);
                } else if (CONDITIONS.find(t) && !noConsentNeeded) {
                    add(hits, Kind.SHARING_CONDITIONS, s);
                }
                if ((CONSENT.find(t) && !noConsentNeeded && !TRANSFER.find(t)
                        || SHARE_UNLESS.find(t)) && !GUARDIAN.find(t)) {
                    add(hits, Kind.CONSENT_BEFORE_SHARING, s);
                }
            }
            if ((DISCLOSE.find(t) && DISCLOSE_ACT.find(t) || DISCLOSE_OURS.find(t)
                    || DISCLOSE_CASES.find(t) && !NOT_PUBLIC_CASES.find(t))
                    && !NOT_DISCLOSURE_CLAUSE.find(t)) {
                if (DISCLOSE_NEVER.find(t) && !NO_SHARE_ESCAPE.find(t)) {
                    add(hits, Kind.PUBLIC_DISCLOSURE_NEVER, s);
                } else if (CONSENT.find(t) || AGREE.find(t)) {
                    add(hits, Kind.PUBLIC_DISCLOSURE_CONSENT, s);
                } else if (CASES_FOLLOW.find(t)) {
                    for (int k = i + 1; k < Math.min(all.size(), i + 4); k++) {
                        String n = all.get(k).text();
                        if (AGREE.find(n) && !NO_CONSENT_NEEDED.find(n)) {
                            add(hits, Kind.PUBLIC_DISCLOSURE_CONSENT, s);
                            add(hits, Kind.PUBLIC_DISCLOSURE_CONSENT, all.get(k));
                            break;
                        }
                    }
                }
            }
            if (MERGER.find(t) && !NOT_MERGER.find(t)) {
                if (bindsRecipient(t)) {
                    add(hits, Kind.MERGER_TRANSFER, s);
                } else if (MERGER_MOVES_PI.find(t)) {
                    Sentence bound = mergerCommitment(d, all, i);
                    if (bound != null) {
                        add(hits, Kind.MERGER_TRANSFER, s);
                        add(hits, Kind.MERGER_TRANSFER, bound);
                    }
                }
            }
            boolean entrusted = ENTRUSTED_STRICT.find(t) && !NOT_OUR_ENTRUSTING.find(t);
            if (entrusted) {
                add(hits, Kind.ENTRUSTED_PROCESSING, s);
            }
            if ((entrusted || share || ENTRUSTED.find(t)) && PARTNER.find(t)
                    && BOUND.find(t) && !noConsentNeeded
                    && BINDING_ACT.find(t)) {
                add(hits, Kind.ENTRUSTED_BOUND, s);
            }
        }
        List<SharingClause> out = new ArrayList<>();
        for (Map.Entry<Kind, List<Sentence>> e : hits.entrySet()) {
            List<Citation> cites = ClauseText.cites(d, e.getValue(), MAX_CITES);
            out.add(new SharingClause(e.getKey(), cites));
        }
        return out;
    }

    /**
     * The sentence of the same section, among the {@link #MERGER_FOLLOW} after the merger sentence {@code i}, that
     * binds the recipient of the moved PI; null if none does.
     */
    private static Sentence mergerCommitment(Document d, List<Sentence> all, int i) {
        String section = all.get(i).section();
        for (int k = i + 1; k < Math.min(all.size(), i + 1 + MERGER_FOLLOW); k++) {
            Sentence next = all.get(k);
            if (!Objects.equals(section, next.section())) {
                return null;
            }
            if (bindsRecipient(next.text())) {
                return next;
            }
        }
        return null;
    }

    /** Whether {@code t} binds the recipient of merged PI to our policy (not to a policy of its own). */
    private static boolean bindsRecipient(String t) {
        return MERGER_BOUND.find(t) && !OTHER_POLICY.find(t);
    }

    private static void add(Map<Kind, List<Sentence>> hits, Kind k, Sentence s) {
        hits.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
    }
}
