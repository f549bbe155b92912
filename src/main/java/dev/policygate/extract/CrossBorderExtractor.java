package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.CrossBorderTransfer;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Section;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements about PI leaving China ({@link CrossBorderTransfer}). {@code actual} is true only when the policy
 * says PI is (or may in its normal operation be) transferred or accessible abroad; hypothetical wording (如需,
 * 如涉及, 一旦 …) and denials (不会, 暂未涉及) give {@code actual = false}. At most one fact per value of
 * {@code actual}; its details (recipient, purpose, PI types, rights, separate consent, protection measures) are
 * collected over all sentences of that kind and the sentences that follow them in the same section.
 */
public final class CrossBorderExtractor implements AreaExtractor {
    private static final Rx HEADING_WORD = Rx.of("如何|跨境");
    private static final int MAX_CITES = 4;
    private static final Rx ABROAD = Rx.of("境外|跨境|出境|海外|国外|境外接收方|其他国家|其他司法管辖区|境外管辖区");
    private static final Rx TRANSFER = Rx.of("传输|转移|提供|传送|存储|存放|访问|出境|共享|运输|发送|传至|转至|处理");
    private static final Rx NOISE = Rx.of("跨境电子商务|境外网站|境外的[^，。；]{0,10}用户|位于[^，。；]{0,20}境外的");
    private static final Rx HYPOTHETICAL = Rx.of(
            "如需|如果需要|若需|如需要|如果我们需要|如我们需要|如涉及|如果涉及|若涉及|如[^，。；]{0,12}涉及|一旦|如发生|如确需|如有|如果有|如[^，。；]{0,10}可能|如您的个人信息|假如|倘若|在[^，。；]{0,10}需要[^，。；]{0,20}(?:时|的情况下)|以下情形|以下情况|可能的境外|今后|将来|未来");
    private static final Rx IF_START = Rx.of("^[\\s（(]*[0-9一二三四五六七八九十]*[）)、.．,，\\s]*(?:如果|假如|倘若|若|如)(?![果您你])");
    private static final Rx CONTINUATION = Rx.of("\\s*(?:例如|比如|此种情况下|在此情况下|在此类情况下|此类情况下|在上述情况下|此时|届时|在这种情况下|同时)");
    private static final Rx DENIAL = Rx.of("不会|不涉及|未涉及|暂未|暂不|不存在|没有|无需|不进行");
    private static final Rx SEPARATE = Rx.of("单独(?:的)?(?:同意|授权|征得|征求|请求)|另行(?:征得|取得|获得)[^，。；]{0,6}(?:单独)?");
    private static final Rx RIGHTS = Rx.of("行使[^，。；]{0,20}权利|向境外接收方行使|权利的方式|联系境外接收方|方式和程序");
    private static final Rx MEASURES = Rx.of(
            "安全评估|标准合同|个人信息保护认证|保护认证|去标识化|加密|安全措施|安全举措|保护措施|同等(?:的)?保护|足够的保护|不低于|数据保护协议|合同条款");
    private static final Rx RECIPIENT = Rx.of(
            "(?:境外接收方|接收方)[（(]?(?:的)?(?:名称(?:为|是|：|:)?|为|是|：|:)\\s*([^，。；、）)]{2,40})|(?:以下称|下称)“境外接收方”|向(?:位于)?[^，。；]{0,10}(?:境外|海外)的?([^，。；]{2,30}?(?:公司|Ltd\\.?|Inc\\.?|LLC|集团))"
                    // 提供给境外接收方Example Logistics Ltd.: a Latin name right after the recipient word
                    + "|(?:境外接收方|接收方|境外公司|境外机构|境外合作方|境外合作伙伴)(?:即|为|是)?\\s*([A-Za-z][A-Za-z0-9&'’.\\-]+(?:(?:,?\\s+|\\s*&\\s*)[A-Za-z0-9(][A-Za-z0-9&'’.()\\-]*){0,7})");
    /** A trailing abbreviation whose full stop belongs to the name (Ltd., Inc., Co., Corp., Pte., S.A.). */
    private static final Rx NAME_ABBREVIATION = Rx.of(
            "(?i)(?:\\b(?:Ltd|Inc|Co|Corp|Pte|Bhd|Pty|Plc|L\\.L\\.C|S\\.A|N\\.V|B\\.V|A\\.G|K\\.K)\\.)$");

    @Override
    public List<CrossBorderTransfer> extract(Document d) {
        List<Sentence> actual = new ArrayList<>();
        List<Sentence> conditional = new ArrayList<>();
        List<Sentence> all = d.sentences();
        TreeMap<Integer, Integer> headings = headingSpans(d);
        Boolean previous = null;
        int previousIndex = -2;
        for (int i = 0; i < all.size(); i++) {
            Sentence s = all.get(i);
            String t = s.text();
            if (!ABROAD.find(t) || NOISE.find(t) || ClauseText.isExceptionItem(t)
                    || t.contains("SDK") || !TRANSFER.find(t)) {
                continue;
            }
            if (isHeading(t) || isHeadingLine(headings, s)) {
                continue;
            }
            boolean isActual = !(HYPOTHETICAL.find(t) || DENIAL.find(t) || IF_START.find(t));
            if (previous != null && previousIndex >= i - 3 && CONTINUATION.matcher(t).lookingAt()) {
                isActual = previous;
            }
            (isActual ? actual : conditional).add(s);
            previous = isActual;
            previousIndex = i;
        }
        List<CrossBorderTransfer> out = new ArrayList<>();
        if (!actual.isEmpty()) {
            out.add(build(d, true, withFollowers(d, actual)));
        }
        if (!conditional.isEmpty()) {
            out.add(build(d, false, conditional));
        }
        return out;
    }

    /** The spans of the section headings (start → end): a heading (五、个人信息出境) names a topic, not a transfer. */
    private static TreeMap<Integer, Integer> headingSpans(Document d) {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        for (Section sec : d.sections()) {
            out.put(sec.headingStart(), sec.headingEnd());
        }
        return out;
    }

    private static boolean isHeadingLine(TreeMap<Integer, Integer> headings, Sentence s) {
        Map.Entry<Integer, Integer> h = headings.floorEntry(s.start());
        return h != null && s.start() < h.getValue();
    }

    /** A Latin recipient name without the sentence's own full stop (kept after Ltd., Inc., …). */
    private static String latinName(String n) {
        String name = n.strip();
        while (name.endsWith(".") && !NAME_ABBREVIATION.find(name)) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name;
    }

    private static boolean isHeading(String t) {
        return t.length() <= 30 && !t.endsWith("。") && !t.endsWith("；") && HEADING_WORD.find(t);
    }

    /** The sentences and the two sentences after each (same section), where details usually follow. */
    private static List<Sentence> withFollowers(Document d, List<Sentence> ss) {
        List<Sentence> all = d.sentences();
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : ss) {
            int i = all.indexOf(s);
            for (int k = i; k < Math.min(all.size(), i + 3); k++) {
                Sentence n = all.get(k);
                if (!n.section().equals(s.section()) || out.contains(n)) {
                    continue;
                }
                String t = n.text();
                if (k > i && (isHeading(t) || t.length() < 25 && !t.contains("。")
                        || !(ABROAD.find(t) || CONTINUATION.find(t) || MEASURES.find(t) || RIGHTS.find(t)
                        || SEPARATE.find(t)))) {
                    continue;
                }
                out.add(n);
            }
        }
        return out;
    }

    private static CrossBorderTransfer build(Document d, boolean actual, List<Sentence> ss) {
        String recipient = null;
        String purpose = null;
        List<String> pi = new ArrayList<>();
        boolean rights = false;
        boolean separate = false;
        boolean measures = false;
        for (Sentence s : ss) {
            String t = s.text();
            if (recipient == null) {
                Matcher r = RECIPIENT.matcher(t);
                if (r.find()) {
                    recipient = r.group(1) != null ? r.group(1).strip() : r.group(2) != null ? r.group(2).strip()
                            : r.group(3) != null ? latinName(r.group(3)) : "境外接收方";
                }
            }
            if (purpose == null && ABROAD.find(t)) {
                purpose = ClauseText.purpose(t);
            }
            for (String n : PiTaxonomy.namesIn(t)) {
                if (!pi.contains(n)) {
                    pi.add(n);
                }
            }
            rights |= RIGHTS.find(t);
            separate |= SEPARATE.find(t);
            measures |= MEASURES.find(t);
        }
        List<Citation> cites = ClauseText.cites(d, ss, MAX_CITES);
        return new CrossBorderTransfer(actual, recipient, purpose, pi, rights, separate, measures, cites);
    }
}
