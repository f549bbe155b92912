package dev.policygate.rules;

import dev.policygate.score.ScoringConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled rule set: the KieBase, the obligations in catalogue order, the scoring configuration and the
 * compiler's warnings. Thread-safe; evaluate it as often as you like with {@link RuleEvaluator}.
 */
public final class CompiledRuleSet {
    private final KieBase kieBase;
    private final List<Obligation> obligations;
    private final Map<String, Obligation> byId;
    private final ScoringConfig scoring;
    private final List<CompileMessage> warnings;
    private final long compileMillis;

    CompiledRuleSet(KieBase kieBase, List<Obligation> obligations, ScoringConfig scoring,
                    List<CompileMessage> warnings, long compileMillis) {
        this.kieBase = kieBase;
        this.obligations = List.copyOf(obligations);
        Map<String, Obligation> m = new LinkedHashMap<>();
        obligations.forEach(o -> m.put(o.id(), o));
        this.byId = m;
        this.scoring = scoring;
        this.warnings = List.copyOf(warnings);
        this.compileMillis = compileMillis;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public List<Obligation> obligations() {
        return obligations;
    }

    public Obligation obligation(String id) {
        return byId.get(id);
    }

    public ScoringConfig scoring() {
        return scoring;
    }

    public List<CompileMessage> warnings() {
        return warnings;
    }

    public long compileMillis() {
        return compileMillis;
    }
}
