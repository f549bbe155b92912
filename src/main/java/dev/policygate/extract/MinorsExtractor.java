package dev.policygate.extract;

import dev.policygate.facts.ChildrenRules;
import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.MinorsClause;
import dev.policygate.facts.MinorsClause.GuardianConsent;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Section;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Minors ({@code lexicon/minors.tsv}). {@link MinorsClause}: one fact per guardian-consent kind found in sentences
 * about minors/children — {@code EXPLICIT} when guardian consent is required (须/应当取得监护人同意, 在征得监护人同意的
 * 前提下使用, 没有监护人同意不应…), {@code PRESUMED} when it is assumed without an act (默认您已经得到监护人同意), and
 * {@code NONE} when minors are mentioned without either. {@code ageThreshold} is the age named in those sentences, else
 * the one named anywhere in the minors sentences (14/18 …), else null.
 * {@link ChildrenRules}: a heading about children/minors whose section states specific measures (access control,
 * deletion, dedicated rules …) — {@code dedicatedSection = true}; a reference to separate rules
 * (《儿童个人信息保护规则》) — {@code dedicatedSection = false}.
 */
public final class MinorsExtractor implements AreaExtractor {
    private static final LexiconFile L = LexiconFile.load("lexicon/minors.tsv");

    @Override
    public List<Fact> extract(Document d) {
        ClauseText.Grouped<GuardianConsent> g = new ClauseText.Grouped<>();
        Integer[] ageByKind = new Integer[GuardianConsent.values().length];
        Integer anyAge = null;
        List<Citation> minors = new ArrayList<>();
        List<Citation> rules = new ArrayList<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            if (L.find("CHILD_RULES", t)) {
                rules.add(d.cite(s));
            }
            boolean minorSection = L.find("CHILD_HEADING", s.section());
            if (!L.find("MINOR", t) && !(minorSection && (L.find("GUARDIAN", t) || L.find("PRESUMED", t)))) {
                continue;
            }
            Integer age = age(t);
            if (age != null && anyAge == null) {
                anyAge = age;
            }
            if (minors.size() < 6) {
                minors.add(d.cite(s));
            }
            GuardianConsent k = L.find("PRESUMED", t) ? GuardianConsent.PRESUMED
                    : L.find("EXPLICIT", t) ? GuardianConsent.EXPLICIT : null;
            if (k != null) {
                g.add(k, d.cite(s));
                if (ageByKind[k.ordinal()] == null) {
                    ageByKind[k.ordinal()] = age;
                }
            }
        }
        List<Fact> out = new ArrayList<>();
        final Integer fallback = anyAge;
        if (g.map().isEmpty() && !minors.isEmpty()) {
            out.add(new MinorsClause(fallback, GuardianConsent.NONE, List.copyOf(minors)));
        } else {
            out.addAll(g.build((k, c) -> new MinorsClause(
                    ageByKind[k.ordinal()] != null ? ageByKind[k.ordinal()] : fallback, k, c)));
        }
        for (Section sec : d.sections()) {
            if (!L.find("CHILD_HEADING", sec.heading())) {
                continue;
            }
            List<Citation> c = new ArrayList<>();
            c.add(d.cite(sec.headingStart(), sec.headingEnd()));
            for (Sentence s : d.sentences()) {
                if (s.start() >= sec.headingEnd() && s.end() <= sec.end() && L.find("MEASURE", s.text())) {
                    c.add(d.cite(s));
                }
            }
            if (c.size() > 1) {
                out.add(new ChildrenRules(true, List.copyOf(c)));
                break;
            }
        }
        if (!rules.isEmpty()) {
            out.add(new ChildrenRules(false, List.copyOf(rules)));
        }
        return out;
    }

    static Integer age(String t) {
        Matcher m = L.rx("AGE").matcher(t);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            int v = ChineseNumbers.parse(n);
            if (v >= 6 && v <= 18) {
                return v;
            }
        }
        return null;
    }
}
