package dev.policygate.rules;

import dev.policygate.facts.Citation;
import dev.policygate.facts.Fact;
import dev.policygate.facts.ThirdParty;
import dev.policygate.score.ScoringConfig;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * Run in its own JVM by {@link DroolsLoggingTest}: turns every logger to ALL (as an unconfigured JBoss
 * LogManager does) and evaluates a rule shape whose Drools trace message used to throw.
 */
public final class VerboseLoggingProbe {
    public static void main(String[] args) {
        LogContext.getLogContext().getLogger("").setLevel(Level.ALL);
        LogContext.getLogContext().getLogger("org.drools").setLevel(Level.ALL);
        String drl = """
                package probe;
                import dev.policygate.facts.*;
                rule "PROBE_OR met"
                when
                    exists ( ThirdParty() or SharingClause() )
                    exists ( SeparateConsent() or Handler() )
                then
                    insert(Finding.met("PROBE_OR", "a", "b", java.util.List.of(new Citation(0, 1, "", "x"))));
                end
                rule "PROBE_OR not met"
                when
                    not ( exists ( ThirdParty() or SharingClause() ) and exists ( SeparateConsent() or Handler() ) )
                then
                    insert(Finding.notMet("PROBE_OR", "a", "b", java.util.List.of()));
                end
                """;
        Obligation o = new Obligation("PROBE_OR", "t", "t", "A", "probe", Severity.MINOR, false, List.of(), drl, null);
        CompiledRuleSet rs = new RuleCompiler().compile(List.of(o), ScoringConfig.defaults());
        List<Fact> facts = List.of(new ThirdParty(ThirdParty.Kind.SDK, "p", "s", true, "u", List.of(), null, false,
                List.of(new Citation(0, 1, "", "x"))));
        try (RuleEvaluator evaluator = new RuleEvaluator()) {
            System.out.println("PROBE " + evaluator.evaluate(rs, facts).findings().get(0).status());
        }
        System.exit(0);
    }
}
