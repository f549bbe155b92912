package dev.policygate.assess;

import dev.policygate.extract.FactExtractor;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.Evaluation;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.score.Score;
import dev.policygate.score.Scorer;
import java.util.List;

/**
 * The whole flow for one document: extract facts, evaluate them against a compiled rule set, score.
 * Plain Java, so the service and the command line run exactly the same steps.
 */
public final class PolicyAssessor {
    private final FactExtractor extractor;
    private final RuleEvaluator evaluator;
    private final Scorer scorer = new Scorer();

    public PolicyAssessor() {
        this(new FactExtractor(), new RuleEvaluator());
    }

    public PolicyAssessor(FactExtractor extractor, RuleEvaluator evaluator) {
        this.extractor = extractor;
        this.evaluator = evaluator;
    }

    public List<Fact> extract(Document document) {
        return extractor.extract(document);
    }

    public Result assess(Document document, CompiledRuleSet ruleSet) {
        List<Fact> facts = extractor.extract(document);
        return evaluate(facts, ruleSet);
    }

    /** Evaluates facts that came from elsewhere (e.g. a pipeline's own extractor). */
    public Result evaluate(List<Fact> facts, CompiledRuleSet ruleSet) {
        Evaluation evaluation = evaluator.evaluate(ruleSet, facts);
        Score score = scorer.score(evaluation.findings(), ruleSet.scoring());
        return new Result(facts, evaluation, score);
    }

    public record Result(List<Fact> facts, Evaluation evaluation, Score score) {
    }
}
