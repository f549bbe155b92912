package dev.policygate.remedy;

import dev.policygate.facts.Citation;
import dev.policygate.facts.DocumentSection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Status;
import dev.policygate.report.FindingRemediation;
import dev.policygate.report.ReportedFinding;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.EvaluatedFinding;
import dev.policygate.rules.Evaluation;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Joins each NOT_MET or PARTIAL finding with its obligation's remediation: the model clause with the values the
 * policy already gives filled in, and where in this policy the clause belongs.
 */
public final class Remedies {
    private Remedies() {
    }

    /** The findings of an evaluation as reports show them, with remediations where they ask for a fix. */
    public static List<ReportedFinding> report(Evaluation evaluation, CompiledRuleSet ruleSet,
                                               List<? extends Fact> facts) {
        List<ReportedFinding> out = new ArrayList<>();
        for (EvaluatedFinding f : evaluation.findings()) {
            Obligation o = ruleSet.obligation(f.id());
            Remediation r = o == null ? null : o.remediation();
            boolean needsFix = f.status() == Status.NOT_MET || f.status() == Status.PARTIAL;
            out.add(ReportedFinding.of(f, needsFix && r != null ? remediation(f, r, facts) : null));
        }
        return out;
    }

    static FindingRemediation remediation(EvaluatedFinding f, Remediation r, List<? extends Fact> facts) {
        Map<String, String> known = KnownValues.of(facts, f.citations());
        Map<String, String> filled = new LinkedHashMap<>();
        List<String> open = new ArrayList<>();
        for (String name : r.placeholders()) {
            Placeholders.Placeholder p = Placeholders.standard().get(name);
            String value = p == null || p.source() == null ? null : known.get(p.source());
            if (value != null) {
                filled.put(name, value);
            } else {
                open.add(name);
            }
        }
        return new FindingRemediation(r.zh(), r.en(), r.clauseZh(), r.fill(filled), filled, open,
                insertionPoint(f, r, facts));
    }

    /**
     * The end of the section that should hold the clause: the section of the finding's first citation (a PARTIAL
     * statement is completed where it stands), else the first section the rule looked in, else the largest
     * section whose heading matches the remediation's {@code sectionMatch}; null when none fits. Taken from the
     * facts alone, so that evaluating posted facts gives the same point: a section ends where the next heading's
     * line starts (the normalised text has no blank lines), so its text ends one line feed before, except the
     * section that ends the document.
     */
    static FindingRemediation.InsertionPoint insertionPoint(EvaluatedFinding f, Remediation r,
                                                           List<? extends Fact> facts) {
        List<DocumentSection> sections = facts.stream().filter(DocumentSection.class::isInstance)
                .map(DocumentSection.class::cast).filter(s -> s.path() != null).toList();
        if (sections.isEmpty()) {
            return null;
        }
        DocumentSection chosen = null;
        for (Citation c : f.citations()) {
            if (c != null && c.section() != null && !c.section().isBlank()) {
                chosen = byPath(sections, c.section());
                if (chosen != null) {
                    break;
                }
            }
        }
        for (int i = 0; chosen == null && i < f.lookedIn().size(); i++) {
            chosen = byPath(sections, f.lookedIn().get(i));
        }
        if (chosen == null && r.sectionMatch() != null && !r.sectionMatch().isBlank()) {
            Pattern match = Pattern.compile(r.sectionMatch());
            for (DocumentSection s : sections) {
                if (s.heading() != null && match.matcher(s.heading()).find()
                        && (chosen == null || s.end() - s.start() > chosen.end() - chosen.start())) {
                    chosen = s;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        int documentEnd = sections.stream().mapToInt(DocumentSection::end).max().orElse(chosen.end());
        int end = chosen.end() < documentEnd ? chosen.end() - 1 : chosen.end();
        if (end <= chosen.start()) {
            return null; // not a section a clause can follow (facts that came from elsewhere)
        }
        return new FindingRemediation.InsertionPoint(end, chosen.path());
    }

    private static DocumentSection byPath(List<DocumentSection> sections, String path) {
        if (path == null) {
            return null;
        }
        for (DocumentSection s : sections) {
            if (path.equals(s.path())) {
                return s;
            }
        }
        return null;
    }
}
