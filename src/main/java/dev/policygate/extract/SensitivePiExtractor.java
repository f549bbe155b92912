package dev.policygate.extract;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.NecessityStatement;
import dev.policygate.facts.PiType;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.SeparateConsent;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sensitive PI: text that labels PI types as sensitive ({@link SensitivePiLabel}, flagged {@code inDefinitions}
 * when it is a definition or sits in a definitions section/appendix), promises of separate consent
 * ({@link SeparateConsent}, by subject) and explanations of necessity or impact ({@link NecessityStatement}).
 */
public final class SensitivePiExtractor implements AreaExtractor {
    private static final Rx BELONGS = Rx.of("属于");
    private static final Pattern TRAILING_PERSONAL = Pattern.compile("(?:个人|的)$");
    private static final int MAX_CITES = 3;
    private static final Rx LABEL = Rx.of("(?<!非)(?:个人敏感信息|敏感个人信息|敏感信息|敏感数据|敏感的个人信息)");
    /** 可能涉及…甚至敏感个人信息: a warning about what users publish, not a label of collected types. */
    private static final Rx WARNING = Rx.of("(?:涉及|泄露|甚至|包含|透露)[^，。；]{0,14}敏感");
    private static final Rx BACK_REF = Rx.of("^[^，,。]{0,6}(?:此类|这类|该类|上述|以上|前述|这些|该等|前款|该(?:项|些|部分)?(?:信息|数据)|此(?:项|些)?(?:信息|数据))");
    private static final Rx COPULA = Rx.of("(?:均|都|皆)?(?:属于|为|是|系|涉及)(?:您的)?$");
    private static final Rx DEFINITION_STYLE = Rx.of(
            "(?:个人敏感信息|敏感个人信息)[”\"’]?[，,：:]?\\s*(?:是指|指|包括|是一旦)|是指|指的是|系指|一旦泄露");
    private static final Rx SEPARATE = Rx.of(
            "单独(?:的)?(?:明示|明确|书面)?(?:的)?(?:授权)?(?:同意|授权)|单独(?:征得|征求|取得|获得|请求|获取|确认)|另行单独|单独(?:向您)?(?:征得|征求)");
    /**
     * Consent asked for this processing but not called separate: 在获得您的明示同意后…收集, 如果我们共享您的个人敏感信息…将
     * 再次征求您的授权同意, 仍会再次以显著方式征求您的同意.
     */
    private static final Rx EXPLICIT = Rx.of(
            "明示(?:的)?(?:授权)?(?:同意|授权)|明确同意|(?:再次|重新)(?:以[^，。；]{1,8})?(?:征求|征得|取得|获得|请求)[^，。；]{0,6}(?:同意|授权)");
    /** 父母或法定监护人明确同意: a guardian's consent for a minor's PI, which MINORS_GUARDIAN_CONSENT grades. */
    private static final Rx GUARDIAN_CONSENT = Rx.of("(?:父母|监护人)[^，。；]{0,6}(?:明示|明确)");
    private static final Rx NO_NEED = Rx.of("无需|不需要|无须");
    /** Consent deemed given (点击同意即表示…明示同意, 提交即视为…明确同意) or the law's norm (控制者应当征得…明示同意). */
    private static final Rx DEEMED_OR_NORM = Rx.of("即表示|即视为|视为|即代表|点击[^，。]{0,6}同意|应当|个人信息(?:控制|处理)者");
    /** …除非该第三方获得了您的单独授权, 要求该第三方在已经取得您明示同意后: consent another party holds, not ours. */
    private static final Rx OTHERS_CONSENT = Rx.of(
            "(?<![向与对给])(?:该?第三方|对方|其)在?(?:已经?)?(?:获得|取得|征得)了?(?:您|你)的?(?:单独|明示|明确)");
    private static final Rx SUBJ_CROSS = Rx.of("境外|跨境|出境");
    private static final Rx SUBJ_DISCLOSE = Rx.of("公开披露|公开您的");
    private static final Rx SUBJ_SHARE = Rx.of("共享|提供给|对外提供|向第三方|第三方|转让|委托");
    private static final Rx SUBJ_SENSITIVE = Rx.of("敏感");
    private static final Rx NECESSITY = Rx.of("必要性|必需|必要|必须|是为了|为了|用于|以便|目的");
    private static final Rx IMPACT = Rx.of(
            "个人权益|权益[^。；]{0,12}影响|影响[^。；]{0,12}权益|重大影响|不利影响|人格尊严|人身[^。；]{0,6}财产安全|歧视|对您的影响|可能(?:对您)?造成");
    /** 一旦泄露或被非法使用，可能对您的人身和财产安全造成损害: what a leak or misuse of the item would do. */
    private static final Rx LEAK_IMPACT = Rx.of(
            "(?:泄露|泄漏|非法使用|非法提供|滥用|篡改|丢失|被盗用)[^。；]{0,30}(?:损害|危害|伤害|受到|导致|歧视|影响)");
    /** A statutory definition of sensitive PI (…是指一旦泄露…的个人信息), which explains neither aspect for this policy. */
    private static final Rx STATUTORY_DEFINITION = Rx.of(
            "(?:个人敏感信息|敏感个人信息)[”\"’]?(?:[，,：:]?\\s*(?:是指|指|包括|是一旦)|[：:]\\s*一旦)|是指|指的是|系指|(?:泄露|非法使用|非法提供|滥用)[^。；]{0,60}(?:危害|损害|侵害|歧视|受到)[^。；]{0,30}的(?:个人)?信息");

    @Override
    public List<Fact> extract(Document d) {
        List<Fact> out = new ArrayList<>();
        Map<SeparateConsent.Subject, List<Sentence>> separate = new EnumMap<>(SeparateConsent.Subject.class);
        List<Sentence> explicitForSensitive = new ArrayList<>();
        Map<NecessityStatement.Aspect, List<Sentence>> necessity = new EnumMap<>(NecessityStatement.Aspect.class);
        List<Sentence> all = d.sentences();
        for (int i = 0; i < all.size(); i++) {
            Sentence s = all.get(i);
            String t = s.text();
            if (ClauseText.isExceptionItem(t)) {
                continue;
            }
            Matcher lm = LABEL.matcher(t);
            boolean labelled = lm.find();
            boolean definition = DEFINITION_STYLE.find(t) || ClauseText.inDefinitionSection(s.section());
            if (labelled && !WARNING.find(t)) {
                SensitivePiLabel label = label(d, all, i, t, lm.start(), definition);
                if (label != null) {
                    out.add(label);
                }
            }
            if (SEPARATE.find(t) && !NO_NEED.find(t) && !OTHERS_CONSENT.find(t)) {
                Set<SeparateConsent.Subject> subjects = separateSubjects(t);
                if (subjects.isEmpty() && i > 0 && all.get(i - 1).section().equals(s.section())) {
                    // 我们会就此单独征得您的同意: the subject is in the sentence before
                    subjects = separateSubjects(all.get(i - 1).text());
                }
                if (subjects.isEmpty()) {
                    subjects = EnumSet.of(SeparateConsent.Subject.OTHER);
                }
                for (SeparateConsent.Subject subject : subjects) {
                    add(separate, subject, s);
                }
            } else if (EXPLICIT.find(t) && !NO_NEED.find(t) && LABEL.find(t) && !disclosingWhatMayBeSensitive(t)
                    && !GUARDIAN_CONSENT.find(t) && !OTHERS_CONSENT.find(t) && !DEEMED_OR_NORM.find(t)) {
                explicitForSensitive.add(s);
            }
            boolean sensitiveContext = labelled || (i > 0 && LABEL.find(all.get(i - 1).text())
                    && BACK_REF.find(t));
            boolean explainable = !STATUTORY_DEFINITION.find(t) && !SUBJ_DISCLOSE.find(t) && !SUBJ_SHARE.find(t);
            if (sensitiveContext && explainable) {
                if (NECESSITY.find(t)) {
                    add(necessity, NecessityStatement.Aspect.NECESSITY, s);
                }
                if (IMPACT.find(t) || LEAK_IMPACT.find(t)) {
                    add(necessity, NecessityStatement.Aspect.IMPACT, s);
                }
            } else if (explainable && LEAK_IMPACT.find(t)
                    && (hasSensitiveType(t) || afterSensitiveClause(d, all, i))) {
                // 收集您的人脸信息，一旦泄露可能…造成损害 / …身份证号码（个人敏感信息）…；一旦泄露，可能…造成损害
                add(necessity, NecessityStatement.Aspect.IMPACT, s);
            }
        }
        for (var e : separate.entrySet()) {
            out.add(new SeparateConsent(e.getKey(), ClauseText.cites(d, e.getValue(), MAX_CITES)));
        }
        if (!explicitForSensitive.isEmpty()) {
            out.add(new SeparateConsent(SeparateConsent.Subject.SENSITIVE_PI, SeparateConsent.Wording.EXPLICIT,
                    ClauseText.cites(d, explicitForSensitive, MAX_CITES)));
        }
        for (var e : necessity.entrySet()) {
            out.add(new NecessityStatement(e.getKey(), ClauseText.cites(d, e.getValue(), MAX_CITES)));
        }
        return out;
    }

    /** The subjects a separate-consent sentence names (sharing only when nothing more specific); empty if none. */
    private static Set<SeparateConsent.Subject> separateSubjects(String t) {
        Set<SeparateConsent.Subject> out = EnumSet.noneOf(SeparateConsent.Subject.class);
        if (SUBJ_CROSS.find(t)) {
            out.add(SeparateConsent.Subject.CROSS_BORDER);
        }
        if (SUBJ_DISCLOSE.find(t)) {
            out.add(SeparateConsent.Subject.PUBLIC_DISCLOSURE);
        }
        // "公开披露时…告知…可能涉及的敏感信息，并征得您的单独同意" asks consent to disclose, not to process sensitive PI
        if ((SUBJ_SENSITIVE.find(t) || hasSensitiveType(t)) && !disclosingWhatMayBeSensitive(t)) {
            out.add(SeparateConsent.Subject.SENSITIVE_PI);
        }
        if (out.isEmpty() && SUBJ_SHARE.find(t)) {
            out.add(SeparateConsent.Subject.SHARING);
        }
        return out;
    }

    /** "公开披露时…告知…可能涉及的敏感信息，并征得您的…同意": consent to disclose, not to process sensitive PI. */
    private static boolean disclosingWhatMayBeSensitive(String t) {
        return SUBJ_DISCLOSE.find(t) && WARNING.find(t);
    }

    /** The sentence continues, after a ；, a sentence of the same section that names sensitive PI. */
    private static boolean afterSensitiveClause(Document d, List<Sentence> all, int i) {
        if (i == 0 || !all.get(i - 1).section().equals(all.get(i).section())) {
            return false;
        }
        String prev = all.get(i - 1).text().strip();
        return (prev.endsWith("；") || prev.endsWith(";")) && (LABEL.find(prev) || hasSensitiveType(prev));
    }

    private static boolean hasSensitiveType(String t) {
        for (PiType p : PiTaxonomy.typesIn(t)) {
            if (p.sensitive()) {
                return true;
            }
        }
        return false;
    }

    /** The types a label sentence labels: its subject clause, the previous sentence for 此类信息, or the list after the label. */
    private static SensitivePiLabel label(Document d, List<Sentence> all, int i, String t, int labelAt,
                                          boolean definition) {
        Sentence s = all.get(i);
        String before = t.substring(0, labelAt);
        int q = before.lastIndexOf("其中");
        int clauseStart = Math.max(Math.max(before.lastIndexOf('，'), before.lastIndexOf(',')),
                Math.max(before.lastIndexOf('：'), q < 0 ? -1 : q + 1));
        String subject = before.substring(clauseStart + 1);
        List<String> types;
        List<Citation> cites;
        if (COPULA.find(TRAILING_PERSONAL.matcher(subject).replaceAll("")) || BELONGS.find(subject)) {
            if (BACK_REF.find(subject) && PiTaxonomy.typesIn(subject).isEmpty() && i > 0) {
                Sentence prev = all.get(i - 1);
                types = PiTaxonomy.namesIn(prev.text());
                cites = List.of(d.cite(prev.start(), s.end()));
            } else {
                types = PiTaxonomy.namesIn(subject);
                if (types.isEmpty()) {
                    types = PiTaxonomy.namesIn(t.substring(0, labelAt));
                }
                cites = List.of(d.cite(s));
            }
        } else {
            // list or definition style: the types named after the label (个人敏感信息：…, 敏感个人信息（如…）)
            String after = t.substring(labelAt);
            int end = after.length();
            for (char c : definition ? new char[] {'。'} : new char[] {'，', ',', '。', '；', ';'}) {
                int k = after.indexOf(c);
                if (k > 0 && k < end) {
                    end = k;
                }
            }
            types = PiTaxonomy.namesIn(after.substring(0, end));
            cites = List.of(d.cite(s));
        }
        if (types.isEmpty()) {
            return null;
        }
        return new SensitivePiLabel(types, definition, cites);
    }

    private static <K> void add(Map<K, List<Sentence>> m, K k, Sentence s) {
        List<Sentence> l = m.computeIfAbsent(k, x -> new ArrayList<>());
        if (!l.contains(s)) {
            l.add(s);
        }
    }
}
