package dev.policygate.assess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.api.ProblemException;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.persistence.AssessmentRecord;
import dev.policygate.persistence.AssessmentResult;
import dev.policygate.persistence.PolicyText;
import dev.policygate.persistence.RuleSetService;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.ReportedFinding;
import dev.policygate.rules.CompiledRuleSet;
import dev.policygate.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Assesses a policy against a rule-set version and stores the whole result for audit. */
@ApplicationScoped
public class AssessmentService {
    private static final TypeReference<List<Fact>> FACT_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<ReportedFinding>> FINDING_LIST = new TypeReference<>() {
    };

    @Inject
    RuleSetService ruleSets;
    @Inject
    ObjectMapper json;
    /** Stored JSON is read without the request bodies' token limit (api.JsonLimits): what was stored stays readable. */
    private ObjectMapper stored;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    SecurityIdentity identity;

    private final PolicyAssessor assessor;
    /** Previews of versions that were never active run on the rule authors' small evaluator. */
    private final PolicyAssessor previews;

    @Inject
    AssessmentService(dev.policygate.rules.RuleEvaluator evaluator, @Authoring dev.policygate.rules.RuleEvaluator authoring) {
        dev.policygate.extract.FactExtractor extractor = new dev.policygate.extract.FactExtractor();
        this.assessor = new PolicyAssessor(extractor, evaluator);
        this.previews = new PolicyAssessor(extractor, authoring);
    }

    @PostConstruct
    void unboundedReader() {
        stored = json.copy();
        stored.getFactory().setStreamReadConstraints(StreamReadConstraints.defaults());
    }

    /**
     * The version a request may use: the active one by default; a named version only if it has been active at some
     * time, unless the caller authors or administers rules (previews of versions not yet activated). To anyone else
     * a never-activated version does not exist.
     */
    private int servable(Integer requested) {
        if (requested == null) {
            return ruleSets.activeVersion();
        }
        if (!ruleSets.everActivated(requested) && !(identity.hasRole(Roles.RULE_AUTHOR) || identity.hasRole(Roles.ADMIN))) {
            throw ProblemException.notFound("Rule set version " + requested + " does not exist.");
        }
        return requested;
    }

    private PolicyAssessor assessorFor(int version) {
        return version == ruleSets.activeVersion() || ruleSets.everActivated(version) ? assessor : previews;
    }

    public AssessmentReport assess(Document document, String title, Integer ruleSetVersion) {
        return assess(document, title, ruleSetVersion, null, null);
    }

    /** Assesses and stores; {@code appId} and {@code versionLabel} place it in an app's history (may be null). */
    public AssessmentReport assess(Document document, String title, Integer ruleSetVersion, String appId,
                                   String versionLabel) {
        return assess(document, title, ruleSetVersion, appId, versionLabel, List.of());
    }

    /** As above, with facts of what the app does (from its APK or app profile) evaluated beside the policy's. */
    public AssessmentReport assess(Document document, String title, Integer ruleSetVersion, String appId,
                                   String versionLabel, List<Fact> appFacts) {
        String app = AppIds.check(appId);
        String label = AppIds.label(versionLabel);
        int version = servable(ruleSetVersion);
        long started = System.nanoTime();
        String documentSha256 = sha256(document.normalizedText());
        RecentResults.Key key = RecentResults.Key.of(document, documentSha256, version);
        // results with app facts are not kept: the key says nothing of the app
        RecentResults.Result result = appFacts.isEmpty() ? recent.get(key) : null;
        if (result == null) {
            result = result(document, version, appFacts);
            if (appFacts.isEmpty()) {
                recent.put(key, result);
            }
        }
        Assessed a = new Assessed(record(document, documentSha256, title, version, app, label, result), result.findings(),
                json);
        PolicyText.storeOnce(documentSha256, document.normalizedText());
        AssessmentResult.storeOnce(result.resultKey(), result.factsJson(), result.findingsJson());
        QuarkusTransaction.requiringNew().run(a.record()::persist);
        metrics.counter("policygate.assessments", "verdict", a.record().verdict).increment();
        assessmentDuration.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return a.report();
    }

    /**
     * The whole assessment of the built-in sample policy against a version, down to the JSON a client would get,
     * without storing it: run before the service reports ready, so that the first real request is not the slow one.
     */
    public String rehearse(int version) {
        Document sample = new dev.policygate.ingest.Ingestor().ingestText(SamplePolicy.text());
        RecentResults.Result result = result(sample, version, List.of());
        Assessed a = new Assessed(record(sample, sha256(sample.normalizedText()), "warm-up", version, null, null,
                result), result.findings(), json);
        report(a.record()); // reading a stored assessment back is part of the work too
        return write(json.writer(), a.report());
    }

    /** Meters are registered once, not on every request. */
    private io.micrometer.core.instrument.Timer extractionDuration;
    private io.micrometer.core.instrument.Timer evaluationDuration;
    private io.micrometer.core.instrument.Timer assessmentDuration;

    /** Results of recent assessments (see {@link RecentResults}), at most this many MB of JSON. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "policygate.assessment.recent-results-mb",
            defaultValue = "64")
    int recentResultsMb;
    private RecentResults recent;

    @PostConstruct
    void registerMeters() {
        recent = new RecentResults(recentResultsMb * 1024L * 1024L / 2); // a char of a Java String: two bytes at most
        extractionDuration = metrics.timer("policygate.extraction.duration");
        evaluationDuration = metrics.timer("policygate.evaluation.duration");
        assessmentDuration = io.micrometer.core.instrument.Timer.builder("policygate.assessment.duration")
                .description("Extraction, evaluation and storage of one assessment")
                .publishPercentileHistogram().register(metrics);
    }

    /**
     * An assessment made but not stored yet: the record to store and its report, built from the objects in hand
     * (the facts as the JSON written for the record, not parsed back), so answering costs no second round of JSON.
     */
    private record Assessed(AssessmentRecord record, List<ReportedFinding> findings, ObjectMapper json) {
        AssessmentReport report() {
            AssessmentRecord r = record;
            return new AssessmentReport(r.id, r.createdAt, r.title, r.documentSha256, r.ruleSetVersion, r.score,
                    r.verdict, r.normalizedText, findings,
                    json.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(r.factsJson)),
                    r.appId, r.versionLabel);
        }
    }

    /** Extraction and evaluation: the result of assessing this document (and the app's facts) against this version. */
    private RecentResults.Result result(Document document, int version, List<Fact> appFacts) {
        CompiledRuleSet ruleSet = ruleSets.compiled(version);
        PolicyAssessor assessor = assessorFor(version);
        List<Fact> facts = new java.util.ArrayList<>(extractionDuration.record(() -> assessor.extract(document)));
        facts.addAll(appFacts);
        PolicyAssessor.Result result = evaluationDuration.record(() -> assessor.evaluate(facts, ruleSet));
        String factsJson = write(json.writerFor(FACT_LIST), result.facts());
        List<ReportedFinding> findings = dev.policygate.remedy.Remedies.report(result.evaluation(), ruleSet,
                result.facts());
        String findingsJson = write(json.writerFor(FINDING_LIST), findings);
        return new RecentResults.Result(BigDecimal.valueOf(result.score().score()).setScale(1, RoundingMode.HALF_UP),
                result.score().verdict().name(), factsJson, List.copyOf(findings), findingsJson,
                AssessmentResult.keyOf(factsJson, findingsJson));
    }

    /** The record to store for a result (not stored yet). */
    private static AssessmentRecord record(Document document, String documentSha256, String title, int version,
                                           String app, String label, RecentResults.Result result) {
        AssessmentRecord record = new AssessmentRecord();
        record.id = UUID.randomUUID();
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        record.title = title;
        record.appId = app;
        record.versionLabel = label;
        record.documentSha256 = documentSha256;
        record.sourceFormat = document.sourceFormat().name();
        record.normalizedText = document.normalizedText();
        record.ruleSetVersion = version;
        record.score = result.score();
        record.verdict = result.verdict();
        record.resultKey = result.resultKey();
        record.factsJson = result.factsJson();
        record.findingsJson = result.findingsJson();
        return record;
    }

    /** Fills in what a stored assessment keeps beside it: its text and its result. */
    private static void readBack(AssessmentRecord r) {
        r.normalizedText = PolicyText.text(r.documentSha256);
        AssessmentResult result = AssessmentResult.of(r.resultKey);
        r.factsJson = result.factsJson;
        r.findingsJson = result.findingsJson;
    }

    /** Facts and normalised text only, for pipelines that want the extraction. */
    public List<Fact> extract(Document document) {
        return assessor.extract(document);
    }

    /** Evaluates facts sent by a client against a rule-set version; nothing is stored. */
    public Evaluated evaluate(List<Fact> facts, Integer ruleSetVersion) {
        int version = servable(ruleSetVersion);
        return new Evaluated(version, assessorFor(version).evaluate(facts, ruleSets.compiled(version)));
    }

    public record Evaluated(int ruleSetVersion, PolicyAssessor.Result result) {
    }

    /** The findings of an evaluation as reports show them, with their remediations. */
    public List<ReportedFinding> reported(Evaluated e) {
        return dev.policygate.remedy.Remedies.report(e.result().evaluation(), ruleSets.compiled(e.ruleSetVersion()),
                e.result().facts());
    }

    public AssessmentReport find(UUID id) {
        AssessmentRecord record = QuarkusTransaction.requiringNew().call(() -> {
            AssessmentRecord r = AssessmentRecord.findById(id);
            if (r != null) {
                readBack(r);
            }
            return r;
        });
        if (record == null) {
            throw ProblemException.notFound("Assessment " + id + " does not exist.");
        }
        return report(record);
    }

    /** A page of assessments, newest first, without their texts and facts. */
    public Page list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = AssessmentRecord.count();
            List<AssessmentRecord> records = AssessmentRecord.findAll(
                            io.quarkus.panache.common.Sort.descending("createdAt").and("id"))
                    .page(page, size).list();
            List<Summary> items = records.stream().map(Summary::of).toList();
            return new Page(page, size, total, items);
        });
    }

    /**
     * Like {@link #list(int, int)}, only assessments whose title contains {@code title} (ignoring case);
     * a blank {@code title} lists all.
     */
    public Page search(String title, int page, int size) {
        if (title == null || title.isBlank()) {
            return list(page, size);
        }
        String like = "%" + title.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = AssessmentRecord.<AssessmentRecord>find("lower(title) like ?1 escape '!'",
                    io.quarkus.panache.common.Sort.descending("createdAt").and("id"), like);
            long total = query.count();
            List<Summary> items = query.page(page, size).list().stream().map(Summary::of).toList();
            return new Page(page, size, total, items);
        });
    }

    public AssessmentReport report(AssessmentRecord r) {
        try {
            return new AssessmentReport(r.id, r.createdAt, r.title, r.documentSha256, r.ruleSetVersion, r.score,
                    r.verdict, r.normalizedText, stored.readValue(r.findingsJson, FINDING_LIST),
                    stored.readTree(r.factsJson), r.appId, r.versionLabel);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment " + r.id + " is corrupt", e);
        }
    }

    public record Summary(UUID id, OffsetDateTime createdAt, String title, String documentSha256, int ruleSetVersion,
                          BigDecimal score, String verdict,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String appId,
                          @com.fasterxml.jackson.annotation.JsonInclude(
                                  com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String versionLabel) {
        static Summary of(AssessmentRecord r) {
            return new Summary(r.id, r.createdAt, r.title, r.documentSha256, r.ruleSetVersion, r.score, r.verdict,
                    r.appId, r.versionLabel);
        }
    }

    /** An app's assessments, oldest first (its history, for a score over time). */
    public List<Summary> history(String appId) {
        String app = AppIds.check(appId);
        return QuarkusTransaction.requiringNew().call(() -> AssessmentRecord.<AssessmentRecord>find("appId",
                io.quarkus.panache.common.Sort.ascending("createdAt").and("id"), app).list().stream()
                .map(Summary::of).toList());
    }

    /** The two newest assessments of an app, older first; 404 when it has fewer than two. */
    public List<AssessmentReport> latestTwo(String appId) {
        String app = AppIds.check(appId);
        List<AssessmentRecord> two = QuarkusTransaction.requiringNew().call(() -> {
            List<AssessmentRecord> found = AssessmentRecord.<AssessmentRecord>find("appId",
                    io.quarkus.panache.common.Sort.descending("createdAt").and("id",
                            io.quarkus.panache.common.Sort.Direction.Descending), app).page(0, 2).list();
            found.forEach(AssessmentService::readBack);
            return found;
        });
        if (two.size() < 2) {
            throw ProblemException.notFound("App " + app + " has " + two.size()
                    + " assessment(s); a comparison needs two.");
        }
        return List.of(report(two.get(1)), report(two.get(0)));
    }

    public record Page(int page, int size, long total, List<Summary> items) {
    }

    private static String write(com.fasterxml.jackson.databind.ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return RuleSetService.sha256(text);
    }
}
