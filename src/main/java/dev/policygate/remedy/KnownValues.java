package dev.policygate.remedy;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Contact;
import dev.policygate.facts.DataCollection;
import dev.policygate.facts.Fact;
import dev.policygate.facts.Handler;
import dev.policygate.facts.PiType;
import dev.policygate.facts.PolicyScope;
import dev.policygate.facts.SensitivePiLabel;
import dev.policygate.facts.ThirdParty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assessment already knows for a model clause's placeholders: the handler's name, its phone number,
 * an SDK's name … taken from the extracted facts. Facts cited by the finding itself come first (the SDK a
 * PARTIAL finding is about), then the first of their kind in the policy.
 */
public final class KnownValues {
    private KnownValues() {
    }

    /** Values by source key (see {@code remedy/placeholders.tsv}); a key is absent when the policy does not say. */
    public static Map<String, String> of(List<? extends Fact> facts, List<Citation> findingCitations) {
        Map<String, String> out = new LinkedHashMap<>();
        List<? extends Fact> ordered = citedFirst(facts, findingCitations);
        for (Fact f : ordered) {
            if (f instanceof Handler h) {
                putIfAbsent(out, "handler", h.name());
            } else if (f instanceof PolicyScope s && s.products() != null && !s.products().isEmpty()) {
                putIfAbsent(out, "product", s.products().get(0));
            } else if (f instanceof Contact c && c.value() != null && c.channel() != null) {
                boolean officer = c.owner() == Contact.Owner.PROTECTION_OFFICER;
                switch (c.channel()) {
                    case PHONE -> putIfAbsent(out, officer ? "officerPhone" : "phone", c.value());
                    case EMAIL -> putIfAbsent(out, officer ? "officerEmail" : "email", c.value());
                    case POSTAL_ADDRESS -> putIfAbsent(out, "address", c.value());
                    default -> {
                    }
                }
            } else if (f instanceof ThirdParty t && t.kind() == ThirdParty.Kind.SDK && t.named()) {
                if (t.service() != null && !out.containsKey("sdk")) {
                    out.put("sdk", t.service());
                    putIfAbsent(out, "sdkProvider", t.provider());
                }
            } else if (f instanceof DataCollection d && d.piTypes() != null) {
                for (PiType p : d.piTypes()) {
                    if (p != null && p.sensitive()) {
                        putIfAbsent(out, "sensitivePi", p.name());
                    }
                }
            } else if (f instanceof SensitivePiLabel l && l.piTypes() != null && !l.piTypes().isEmpty()) {
                putIfAbsent(out, "sensitivePi", l.piTypes().get(0));
            }
        }
        return out;
    }

    private static void putIfAbsent(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.putIfAbsent(key, value.strip());
        }
    }

    /** The facts that share a span with the finding's citations, then the rest, each group in document order. */
    private static List<? extends Fact> citedFirst(List<? extends Fact> facts, List<Citation> cited) {
        if (cited == null || cited.isEmpty()) {
            return facts;
        }
        java.util.ArrayList<Fact> first = new java.util.ArrayList<>();
        java.util.ArrayList<Fact> rest = new java.util.ArrayList<>();
        for (Fact f : facts) {
            boolean overlaps = f.citations() != null && f.citations().stream().anyMatch(c -> c != null
                    && cited.stream().anyMatch(x -> x != null && c.start() < x.end() && x.start() < c.end()));
            (overlaps ? first : rest).add(f);
        }
        first.addAll(rest);
        return first;
    }
}
