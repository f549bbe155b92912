package dev.policygate.persistence;

import dev.policygate.api.IfMatch;
import dev.policygate.api.ObligationInput;
import dev.policygate.api.ProblemException;
import dev.policygate.rules.CompileMessage;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.rules.RuleEvaluator;
import dev.policygate.rules.RuleTestResult;
import dev.policygate.rules.RuleTestRunner;
import dev.policygate.rules.RuleExecutionException;
import dev.policygate.rules.RuleSetDefectException;
import dev.policygate.assess.Authoring;
import dev.policygate.assess.SamplePolicy;
import dev.policygate.rules.LegalBasis;
import dev.policygate.rules.Obligation;
import dev.policygate.rules.Remediation;
import dev.policygate.remedy.RemediationCheck;
import dev.policygate.rules.RuleCompilationException;
import dev.policygate.rules.RuleCompiler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Editing obligations: every create, update or disable builds the next rule-set version from the latest one.
 * The new version must compile (and its tests pass) before anything is stored; it is not activated.
 */
@ApplicationScoped
public class ObligationService {
    @Inject
    RuleSetService ruleSets;
    @Inject
    AuditLog audit;

    /** Bounds what one author can make every replica compile and hold (the diff and the KieBase grow with it). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "policygate.rules.max-drl-bytes", defaultValue = "262144")
    int maxDrlBytes;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "policygate.rules.max-obligations", defaultValue = "1000")
    int maxObligations;

    private final RuleCompiler compiler = new RuleCompiler();
    private final RuleEvaluator authoring;
    private final java.util.concurrent.Semaphore validations = new java.util.concurrent.Semaphore(1, true);
    private final RuleTestRunner testRunner;
    private final RemediationCheck remediationCheck;

    /** Validations, previews and the tests of changed rules run on the authors' own small evaluator. */
    @Inject
    ObligationService(@Authoring RuleEvaluator authoring) {
        this.authoring = authoring;
        this.testRunner = new RuleTestRunner(authoring);
        this.remediationCheck = new RemediationCheck(authoring);
    }

    /**
     * A candidate rule set is also evaluated on the built-in sample policy: a rule that burns, allocates without
     * bound or throws is refused when it is submitted, with the reason, instead of failing assessments later.
     */
    private List<CompileMessage> trialRun(CompiledRuleSet compiled, String id) {
        try {
            authoring.evaluate(compiled, SamplePolicy.facts());
            return List.of();
        } catch (RuleExecutionException e) {
            if (e.causedByLoad()) {
                throw e; // the service is busy: not a defect of the submitted rules
            }
            return List.of(new CompileMessage(id, "ERROR", 0, 0, "evaluating the rule set on a sample policy failed: "
                    + e.getMessage()));
        } catch (RuleSetDefectException e) {
            return List.of(); // a missing or conflicting finding is reported by the obligation's own tests
        }
    }

    public record ObligationView(String id, int revision, String titleZh, String titleEn, String area, String pack,
                                 String severity, boolean conditional, List<LegalBasis> legalBasis, String drl,
                                 String tests, Remediation remediation) {
        static ObligationView of(ObligationRevision r) {
            Obligation o = r.toObligation();
            return new ObligationView(o.id(), r.revision, o.titleZh(), o.titleEn(), o.area(), o.pack(),
                    o.severity().name(), o.conditional(), o.legalBasis(), o.drl(), o.tests(), o.remediation());
        }
    }

    /** The outcome of a change: the new version (not active until activated) and the obligation's revision in it. */
    public record Change(String obligationId, String action, int ruleSetVersion, Integer revision, int activeVersion) {
    }

    /** Compiler messages (empty when it compiles) and the results of the obligation's own tests. */
    public record Validation(boolean valid, List<CompileMessage> messages, List<RuleTestResult> tests) {
    }

    public List<ObligationView> list(Integer version) {
        RuleSetVersion v = ruleSets.version(version == null ? ruleSets.activeVersion() : version);
        return v.revisions.stream().map(ObligationView::of).toList();
    }

    public ObligationView get(String id, Integer version) {
        RuleSetVersion v = ruleSets.version(version == null ? ruleSets.activeVersion() : version);
        return v.revisions.stream().filter(r -> r.obligationId.equals(id)).findFirst().map(ObligationView::of)
                .orElseThrow(() -> ProblemException.notFound("Obligation " + id + " is not in rule-set version "
                        + v.version + "."));
    }

    public synchronized Change create(Obligation o, String user) {
        checkSize(o);
        RuleSetService.Latest latest = ruleSets.latest();
        List<Obligation> next = latest.obligations();
        if (next.stream().anyMatch(x -> x.id().equals(o.id()))) {
            throw new ProblemException(409, "Obligation exists",
                    "Obligation " + o.id() + " exists already; update it with PUT /api/v1/obligations/" + o.id() + ".");
        }
        if (next.size() >= maxObligations) {
            throw new ProblemException(422, "Too many obligations", "A rule-set version holds at most "
                    + maxObligations + " obligations (policygate.rules.max-obligations); nothing was stored.");
        }
        next.add(o);
        return store(next, latest.version(), o.id(), "create", user);
    }

    /** Replaces the obligation if {@code ifMatch} names its revision in the latest version (else 428 or 412). */
    public synchronized Change update(Obligation o, IfMatch ifMatch, String user) {
        checkSize(o);
        RuleSetService.Latest latest = ruleSets.latest();
        List<Obligation> next = latest.obligations();
        int at = indexOf(next, o.id());
        ifMatch.check(IfMatch.obligationTag(latest.revisions().get(o.id())), "obligation " + o.id());
        next.set(at, o);
        return store(next, latest.version(), o.id(), "update", user);
    }

    public synchronized Change disable(String id, IfMatch ifMatch, String user) {
        RuleSetService.Latest latest = ruleSets.latest();
        List<Obligation> next = latest.obligations();
        int at = indexOf(next, id);
        ifMatch.check(IfMatch.obligationTag(latest.revisions().get(id)), "obligation " + id);
        next.remove(at);
        return store(next, latest.version(), id, "disable", user);
    }

    /**
     * Compiles the submitted obligation together with the latest rule set; stores nothing. Validations take turns
     * (compiling a rule set takes seconds of CPU): however many authors validate at once, they use one core.
     */
    public Validation validate(ObligationInput input) {
        Obligation o = input.toObligation(null);
        checkSize(o);
        try {
            validations.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted", "The validation was interrupted; try again.");
        }
        try {
            return validateNow(o);
        } finally {
            validations.release();
        }
    }

    private Validation validateNow(Obligation o) {
        List<Obligation> candidate = withReplaced(ruleSets.latestObligations(), o);
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(candidate, ruleSets.latestScoring());
        } catch (RuleCompilationException e) {
            return new Validation(false, e.messages(), List.of());
        }
        List<CompileMessage> trial = trialRun(compiled, o.id());
        if (!trial.isEmpty()) {
            return new Validation(false, trial, List.of());
        }
        List<RuleTestResult> results = runTests(compiled, o.id());
        return new Validation(results.stream().allMatch(RuleTestResult::passed), List.of(), results);
    }

    /** Compiles the next set, runs the changed obligation's tests, and stores it only if they all pass. */
    private Change store(List<Obligation> next, int basedOn, String id, String action, String user) {
        CompiledRuleSet compiled = compiler.compile(next, ruleSets.latestScoring());
        List<CompileMessage> trial = trialRun(compiled, id);
        if (!trial.isEmpty()) {
            throw new RuleCompilationException(trial);
        }
        if (!action.equals("disable")) {
            List<RuleTestResult> failed = runTests(compiled, id).stream().filter(r -> !r.passed()).toList();
            if (!failed.isEmpty()) {
                throw new ProblemException(422, "Rule tests fail", failed.size() + " test case(s) of " + id
                        + " fail; nothing was stored.", failed);
            }
        }
        String before = ruleSets.latestObligation(id).map(ruleSets::contentSha256).orElse(null);
        String after = action.equals("disable") ? null : ruleSets.contentSha256(compiled.obligation(id));
        // the version and its audit event are stored together or not at all
        record Stored(int version, Integer revision) {
        }
        Stored stored;
        try {
            stored = QuarkusTransaction.requiringNew().call(() -> {
                RuleSetVersion v = ruleSets.store(compiled, user, action + " " + id, RuleSetVersion.Source.API,
                        basedOn);
                audit.append(user, "obligation." + action, id, before, after, "rule-set version " + v.version);
                return new Stored(v.version, v.revisions.stream().filter(r -> r.obligationId.equals(id))
                        .map(r -> r.revision).findFirst().orElse(null));
            });
        } catch (RuntimeException e) {
            if (ConstraintViolations.causedBy(e)) {
                // another replica stored the successor of the same version first: this edit was based on stale data
                throw new ProblemException(412, "Precondition failed", "Rule-set version " + (basedOn + 1)
                        + " was stored by someone else while this edit was saved; read the obligation again and"
                        + " reapply your change. Nothing was stored.");
            }
            throw e;
        }
        return new Change(id, action, stored.version(), stored.revision(), ruleSets.activeVersion());
    }

    private static boolean causedByConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The obligation's own test cases and, when it has a remediation, the test of its model clause. */
    private List<RuleTestResult> runTests(CompiledRuleSet compiled, String id) {
        List<RuleTestResult> out = new ArrayList<>(runCases(compiled, id));
        if (compiled.obligation(id).remediation() != null) {
            out.add(remediationCheck.run(compiled, id));
        }
        return out;
    }

    private List<RuleTestResult> runCases(CompiledRuleSet compiled, String id) {
        Obligation o = compiled.obligation(id);
        if (o.tests() == null || o.tests().isBlank()) {
            return List.of();
        }
        List<RuleTestRunner.TestCase> cases;
        try {
            cases = RuleTestRunner.cases(o);
        } catch (RuntimeException e) {
            throw new ProblemException(400, "Invalid rule tests", "The tests of " + id + " cannot be read: "
                    + e.getMessage());
        }
        return cases.stream().map(c -> testRunner.runCase(compiled, c)).toList();
    }

    /** 413 before anything is compiled when the DRL or the tests of an obligation exceed the configured size. */
    private void checkSize(Obligation o) {
        for (var part : java.util.Map.of("DRL", o.drl() == null ? "" : o.drl(),
                "tests", o.tests() == null ? "" : o.tests()).entrySet()) {
            int bytes = part.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > maxDrlBytes) {
                throw new ProblemException(413, "Rule source too large", "The " + part.getKey() + " of " + o.id()
                        + " has " + bytes + " bytes; at most " + maxDrlBytes
                        + " are accepted (policygate.rules.max-drl-bytes). Nothing was stored.");
            }
        }
    }

    private static List<Obligation> withReplaced(List<Obligation> all, Obligation o) {
        List<Obligation> out = new ArrayList<>(all.stream().filter(x -> !x.id().equals(o.id())).toList());
        out.add(o);
        return out;
    }

    private static int indexOf(List<Obligation> all, String id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw ProblemException.notFound("Obligation " + id + " does not exist in the latest rule-set version.");
    }
}
