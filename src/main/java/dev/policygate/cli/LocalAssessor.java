package dev.policygate.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.policygate.assess.PolicyAssessor;
import dev.policygate.facts.Fact;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.JsonReport;
import dev.policygate.report.ReportSource;
import dev.policygate.remedy.Remedies;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.Obligation;
import dev.policygate.extract.FactExtractor;
import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RuleEvaluator;
import java.time.Duration;
import dev.policygate.rules.RulePack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assesses files in this JVM with a rule set compiled once (rule-set version 0 in reports: local rules). */
final class LocalAssessor implements Assessor {
    private static final TypeReference<List<Fact>> FACTS = new TypeReference<>() { };
    /** One evaluator for all workers: its pool runs the sessions; a batch may wait longer than a request. */
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS,
            Duration.ofSeconds(20), Runtime.getRuntime().availableProcessors(), 4096);
    private final CompiledRuleSet ruleSet;
    private final ThreadLocal<PolicyAssessor> assessors =
            ThreadLocal.withInitial(() -> new PolicyAssessor(new FactExtractor(), EVALUATOR));

    /** Compiled rule sets by content (one CLI run compiles once; in-process callers such as tests reuse them). */
    private static final java.util.Map<RulePack, CompiledRuleSet> COMPILED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<RulePack, CompiledRuleSet> eldest) {
                    return size() > 4;
                }
            });

    /** Facts of what the app does (from {@code --apk} or {@code --app-profile}), evaluated beside each policy's. */
    private final List<Fact> appFacts;

    LocalAssessor(RulePack pack) {
        this(pack, List.of());
    }

    LocalAssessor(RulePack pack, List<Fact> appFacts) {
        this.ruleSet = COMPILED.computeIfAbsent(pack, p -> new RuleCompiler().compile(p));
        this.appFacts = List.copyOf(appFacts);
    }

    @Override
    public Set<String> obligationIds() {
        return ruleSet.obligations().stream().map(Obligation::id).collect(Collectors.toSet());
    }

    @Override
    public ReportSource assess(Path file, String uri) {
        PolicyFile policy;
        try {
            policy = PolicyFile.read(file);
        } catch (PolicyFile.InputError e) {
            return ReportSource.failed(uri, e.getMessage());
        }
        try {
            List<Fact> facts = new java.util.ArrayList<>(assessors.get().extract(policy.document()));
            facts.addAll(appFacts);
            PolicyAssessor.Result result = assessors.get().evaluate(facts, ruleSet);
            String text = policy.document().normalizedText();
            AssessmentReport report = new AssessmentReport(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
                    file.getFileName().toString(), sha256(text), 0,
                    BigDecimal.valueOf(result.score().score()).setScale(1, RoundingMode.HALF_UP),
                    result.score().verdict().name(), text,
                    Remedies.report(result.evaluation(), ruleSet, result.facts()),
                    JsonReport.MAPPER.readTree(JsonReport.MAPPER.writerFor(FACTS).writeValueAsString(result.facts())));
            return ReportSource.of(uri, policy.originalText(), report);
        } catch (Exception e) {
            return ReportSource.failed(uri, file + ": assessment failed (" + e + ")");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
